// The VISIT_CAMPAIGN programme kind: its settings and its loader (the common one in
// lib/programmes/descriptor.ts). getCampaignOrThrow builds on it; the visits descriptor
// (lib/visits/index.ts) offers it as the module's getProgrammeOrThrow. Nothing in
// lib/visits/campaigns imports the module's index.ts, which re-exports it (no cycle).
import "server-only";
import { programmeLoader, type LoadedProgramme, type ProgrammeKind } from "@/lib/programmes";
import { campaignSettingsOf, campaignSettingsSchema, type CampaignSettings } from "./settings";

export const visitCampaignKind: ProgrammeKind<CampaignSettings> = {
  type: "VISIT_CAMPAIGN",
  settings: { schema: campaignSettingsSchema, read: campaignSettingsOf, defaults: campaignSettingsOf({}) },
};

export const getVisitCampaignProgramme = programmeLoader(visitCampaignKind);
export type VisitCampaignProgramme = LoadedProgramme<CampaignSettings>;
