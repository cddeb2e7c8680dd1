// Visit campaigns, part of the 民情双访 module: what lib/visits/index.ts offers other modules
// from them (docs/decisions/0014, "Module boundaries").
// The VISIT_CAMPAIGN kind and loader (the visits descriptor's), the campaign, its settings
// (problem due dates: key projects' blockers follow them) and its due lists (officer home).
import "server-only";

export { getVisitCampaignProgramme, visitCampaignKind, type VisitCampaignProgramme } from "./programme";
export { getCampaignOrThrow } from "./queries";
export { campaignSettingsOf, PROBLEM_DUE_DAYS_DEFAULT, problemDueDateSchema } from "./settings";
export { campaignDueItems } from "./due";
