// 民情双访 (VISIT_CAMPAIGN): visits, run inside a campaign (lib/visits/campaigns: the programme's
// setup, frequency rules, due lists), with events (lib/events) and problems (lib/problems)
// raised on them. The module's descriptor, read through lib/programmes/registry.ts.
import "server-only";
import { programmeModule } from "@/lib/programmes";
import messagesZh from "@/messages/visits/zh-CN.json";
import messagesEn from "@/messages/visits/en.json";
import { getVisitCampaignProgramme, visitCampaignKind } from "./campaigns";
import { visitsJobs } from "./jobs";

export { getVisitCampaignProgramme, visitCampaignKind, type VisitCampaignProgramme } from "./campaigns";
// The campaign, its settings (problem due dates: key projects' blockers follow them) and its
// due lists (officer home; events are held inside a campaign).
export { campaignDueItems, campaignSettingsOf, getCampaignOrThrow, PROBLEM_DUE_DAYS_DEFAULT, problemDueDateSchema } from "./campaigns";
// A hotline enterprise file counts the enterprise's visits.
export { listCounts } from "./queries";
// The field app's work set carries what the visit form offers (lib/field/work-set.ts).
export { visitFormOptions } from "./queries";

export const visitsModule = programmeModule({
  ...visitCampaignKind,
  folder: "visits",
  getProgrammeOrThrow: getVisitCampaignProgramme,
  indicators: [
    { code: "households_visited", unit: "户", computedBy: "visits.households" },
    { code: "enterprises_visited", unit: "家", computedBy: "visits.enterprises" },
    { code: "problems_solved", unit: "个", computedBy: "problems.solved" },
    { code: "events_held", unit: "场", computedBy: "visits.events" },
  ],
  jobs: visitsJobs,
  // The daily overdue-visits notice (lib/visits/overdue-notice.ts): not urgent, so quiet hours hold it.
  notificationKinds: [{ kind: "visits.overdue", urgent: false, external: true }],
  // Daily work for every officer: offered whether or not a campaign reaches the user.
  nav: [
    { href: "/visits", key: "visits", permission: "visit.view", group: "work", order: 40, onlyWhenInUse: false },
    { href: "/campaigns", key: "campaigns", permission: "visit.view", group: "work", order: 60, onlyWhenInUse: false },
  ],
  messages: { "zh-CN": messagesZh, en: messagesEn },
  exports: [{ route: "/api/exports/visits", name: "visit.export" }],
});
