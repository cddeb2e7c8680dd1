// The KEY_PROJECT programme kind (no settings) and its loader (the common one in
// lib/programmes/descriptor.ts), used by the module's queries and by its descriptor.
import "server-only";
import { programmeLoader, type LoadedProgramme, type ProgrammeKind } from "@/lib/programmes";

export const keyProjectKind: ProgrammeKind<Record<string, never>> = { type: "KEY_PROJECT" };

export const getKeyProjectProgramme = programmeLoader(keyProjectKind);
export type KeyProjectProgramme = LoadedProgramme<Record<string, never>>;
