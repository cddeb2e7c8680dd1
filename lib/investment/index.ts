// 招商引资 (INVESTMENT): the module's descriptor, read through lib/programmes/registry.ts.
import "server-only";
import { programmeModule } from "@/lib/programmes";
import messagesZh from "@/messages/investment/zh-CN.json";
import messagesEn from "@/messages/investment/en.json";
import { getInvestmentProgramme, investmentKind } from "./programme";

export { getInvestmentProgramme, investmentKind, type InvestmentProgramme } from "./programme";

export const investmentModule = programmeModule({
  ...investmentKind,
  folder: "investment",
  getProgrammeOrThrow: getInvestmentProgramme,
  indicators: [
    { code: "trips", unit: "次", computedBy: "investment.trips" },
    { code: "enterprises_met", unit: "家", computedBy: "investment.enterprisesMet" },
    { code: "projects_signed", unit: "个", computedBy: "investment.projectsSigned" },
    { code: "investment_signed", unit: "亿元", computedBy: "investment.signedYi" },
  ],
  jobs: [],
  nav: [{ href: "/investment", key: "investment", permission: "investment.view", group: "programmes", order: 110, onlyWhenInUse: true }],
  messages: { "zh-CN": messagesZh, en: messagesEn },
  exports: [
    { route: "/api/exports/trips", name: "trip.export" },
    { route: "/api/exports/task-forces", name: "taskForce.export" },
    { route: "/api/investment/export", name: "investment.export" },
  ],
});
