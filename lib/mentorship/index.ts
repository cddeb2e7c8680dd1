// 导师带徒 (MENTORSHIP): the module's descriptor, read through lib/programmes/registry.ts.
import "server-only";
import { programmeModule } from "@/lib/programmes";
import messagesZh from "@/messages/mentorship/zh-CN.json";
import messagesEn from "@/messages/mentorship/en.json";
import { getMentorshipProgramme, mentorshipKind } from "./programme";

export { getMentorshipProgramme, mentorshipKind, type MentorshipProgramme } from "./programme";
// A guided household visit (visits) counts for the mentor's pairing.
export { recordGuidedVisit, syncGuidedVisit } from "./guided-visit";

export const mentorshipModule = programmeModule({
  ...mentorshipKind,
  folder: "mentorship",
  getProgrammeOrThrow: getMentorshipProgramme,
  indicators: [
    { code: "pairings_active", unit: "对", computedBy: "mentorship.pairingsActive" },
    { code: "guided_visits", unit: "次", computedBy: "mentorship.guidedVisits" },
    { code: "disputes_resolved", unit: "件", computedBy: "mentorship.disputes" },
  ],
  jobs: [],
  nav: [{ href: "/mentorship", key: "mentorship", permission: "mentorship.view", group: "programmes", order: 80, onlyWhenInUse: true }],
  messages: { "zh-CN": messagesZh, en: messagesEn },
  exports: [{ route: "/api/exports/pairings", name: "pairing.export" }],
});
