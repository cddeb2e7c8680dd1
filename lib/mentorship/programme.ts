// The MENTORSHIP programme kind: its settings and its loader (the common one in
// lib/programmes/descriptor.ts), used by the module's queries and by its descriptor.
import "server-only";
import { programmeLoader, type LoadedProgramme, type ProgrammeKind } from "@/lib/programmes";
import { DEFAULT_SETTINGS, mentorshipSettingsSchema, readSettings, type MentorshipSettings } from "./schemas";

export const mentorshipKind: ProgrammeKind<MentorshipSettings> = {
  type: "MENTORSHIP",
  settings: { schema: mentorshipSettingsSchema, read: readSettings, defaults: DEFAULT_SETTINGS },
};

/** A visible MENTORSHIP programme with its owner's path (for manage/configure checks) and parsed settings. */
export const getMentorshipProgramme = programmeLoader(mentorshipKind);
export type MentorshipProgramme = LoadedProgramme<MentorshipSettings>;
