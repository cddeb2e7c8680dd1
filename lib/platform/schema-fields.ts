// Schema pieces several modules' forms share.
import { z } from "zod";
import { isCalendarDay } from "./dates";

/** A select that must be picked: "必填" for the empty option rather than "too short". */
export const pickedId = z.string().min(1, "@required").max(64);

/** A date field ("YYYY-MM-DD" from a date input): a real calendar day, "日期格式不正确" otherwise. */
export const isoDate = z.string().refine(isCalendarDay, "@dateFormat");
