// 三争一实 showcases (SHOWCASE): the module's descriptor, read through lib/programmes/registry.ts.
import "server-only";
import { programmeModule } from "@/lib/programmes";
import messagesZh from "@/messages/showcases/zh-CN.json";
import messagesEn from "@/messages/showcases/en.json";
import { getShowcaseProgramme, showcaseKind } from "./programme";

export { getShowcaseProgramme, showcaseKind, type ShowcaseProgramme } from "./programme";

export const showcasesModule = programmeModule({
  ...showcaseKind,
  folder: "showcases",
  getProgrammeOrThrow: getShowcaseProgramme,
  indicators: [
    { code: "entries_presented", unit: "人", computedBy: "showcase.entries" },
    { code: "sessions_held", unit: "场", computedBy: "showcase.sessions" },
  ],
  jobs: [],
  nav: [{ href: "/showcases", key: "showcases", permission: "showcase.view", group: "programmes", order: 90, onlyWhenInUse: true }],
  messages: { "zh-CN": messagesZh, en: messagesEn },
  exports: [{ route: "/api/exports/showcase", name: "showcase.export" }],
});
