// 政企直通车 hotline (HOTLINE): the module's descriptor, read through lib/programmes/registry.ts.
import "server-only";
import type { Client } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { programmeModule } from "@/lib/programmes";
import messagesZh from "@/messages/hotline/zh-CN.json";
import messagesEn from "@/messages/hotline/en.json";
import { hotlineJobs } from "./jobs";
import { CALLER_CONTACT, callerMobile, HOTLINE_NOTICE_KINDS } from "./notices";
import { getHotlineProgramme, hotlineKind } from "./programme";
import { anyRequestReaches } from "./queries";

export { getHotlineProgramme, hotlineKind, type HotlineProgramme } from "./programme";
// The officer home shows the user's queue and its clocks.
export { clocksOf } from "./clocks";
export { myQueueWhere } from "./queries";

export const hotlineModule = programmeModule({
  ...hotlineKind,
  folder: "hotline",
  getProgrammeOrThrow: getHotlineProgramme,
  indicators: [
    { code: "requests_closed", unit: "件", computedBy: "hotline.closed" },
    { code: "same_day_response_rate", unit: "%", computedBy: "hotline.respondOnTime" },
    { code: "satisfaction_rate", unit: "%", computedBy: "hotline.satisfaction" },
  ],
  jobs: hotlineJobs,
  nav: [{ href: "/hotline", key: "hotline", permission: "request.view", group: "programmes", order: 70, onlyWhenInUse: true }],
  messages: { "zh-CN": messagesZh, en: messagesEn },
  exports: [
    { route: "/api/exports/requests", name: "request.export" },
    { route: "/hotline/reports/export", name: "hotline.reportExport" },
  ],
  notificationKinds: HOTLINE_NOTICE_KINDS,
  // The SMS channel asks for the caller's mobile when it sends (never stored with the message).
  contacts: {
    [CALLER_CONTACT]: async (requestId: string, client: Client) => {
      const r = await client.serviceRequest.findUnique({ where: { id: requestId }, select: { callerPhone: true } });
      return r ? { phone: callerMobile(r.callerPhone) } : null;
    },
  },
  // A request reaches a user through a department's queue or a personal assignment without
  // its programme being visible to them: the hotline is in use for them all the same.
  alsoInUse: (actor: Actor) => anyRequestReaches(actor),
});
