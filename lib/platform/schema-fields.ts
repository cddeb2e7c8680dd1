// Schema pieces several modules' forms share.
import { z } from "zod";

/** A select that must be picked: "必填" for the empty option rather than "too short". */
export const pickedId = z.string().min(1, "@required").max(64);
