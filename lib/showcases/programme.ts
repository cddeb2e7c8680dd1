// The SHOWCASE programme kind (no settings) and its loader (the common one in
// lib/programmes/descriptor.ts), used by the module's queries and by its descriptor.
import "server-only";
import { programmeLoader, type LoadedProgramme, type ProgrammeKind } from "@/lib/programmes";

export const showcaseKind: ProgrammeKind<Record<string, never>> = { type: "SHOWCASE" };

export const getShowcaseProgramme = programmeLoader(showcaseKind);
export type ShowcaseProgramme = LoadedProgramme<Record<string, never>>;
