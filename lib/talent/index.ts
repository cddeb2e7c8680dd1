// 人才积分 (TALENT_POINTS): the talent register (lib/talent) and its points (lib/talent/points).
// The module's descriptor, read through lib/programmes/registry.ts.
import "server-only";
import { programmeModule } from "@/lib/programmes";
import messagesZh from "@/messages/talent/zh-CN.json";
import messagesEn from "@/messages/talent/en.json";
import { pointsJobs } from "./points/jobs";
import { getTalentPointsProgramme, talentKind } from "./points/programme";

export { getTalentPointsProgramme, getTalentProgrammeOrThrow, talentKind, type TalentProgramme } from "./points/programme";

export const talentModule = programmeModule({
  ...talentKind,
  folder: "talent",
  getProgrammeOrThrow: getTalentPointsProgramme,
  indicators: [
    { code: "talents_served", unit: "人", computedBy: "points.talentsServed" },
    { code: "points_granted", unit: "分", computedBy: "points.granted" },
    { code: "resources_redeemed", unit: "个", computedBy: "points.redemptions" },
  ],
  jobs: pointsJobs,
  nav: [{ href: "/talent", key: "talent", permission: "talent.view", group: "programmes", order: 100, onlyWhenInUse: true }],
  messages: { "zh-CN": messagesZh, en: messagesEn },
  exports: [
    { route: "/api/exports/talents", name: "talent.export" },
    { route: "/api/exports/point-applications", name: "pointApplication.export" },
    { route: "/api/exports/redemptions", name: "redemption.export" },
    { route: "/api/talent/evaluation/export", name: "points.evaluation.export" },
  ],
});
