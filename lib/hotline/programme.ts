// The HOTLINE programme kind: its settings and its loader (the common one in
// lib/programmes/descriptor.ts), used by the module's descriptor.
import "server-only";
import { programmeLoader, type LoadedProgramme, type ProgrammeKind } from "@/lib/programmes";
import { hotlineSettingsSchema, parseHotlineSettings, type HotlineSettings } from "./settings";

export const hotlineKind: ProgrammeKind<HotlineSettings> = {
  type: "HOTLINE",
  settings: { schema: hotlineSettingsSchema, read: parseHotlineSettings, defaults: parseHotlineSettings({}) },
};

export const getHotlineProgramme = programmeLoader(hotlineKind);
export type HotlineProgramme = LoadedProgramme<HotlineSettings>;
