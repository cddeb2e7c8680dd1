// 重点项目 (KEY_PROJECT): the module's descriptor, read through lib/programmes/registry.ts.
import "server-only";
import { programmeModule } from "@/lib/programmes";
import messagesZh from "@/messages/key-projects/zh-CN.json";
import messagesEn from "@/messages/key-projects/en.json";
import { getKeyProjectProgramme, keyProjectKind } from "./programme";

export { getKeyProjectProgramme, keyProjectKind, type KeyProjectProgramme } from "./programme";
// The investment export sheets the key-project board.
export { keyProjectBoard } from "./queries";

export const keyProjectsModule = programmeModule({
  ...keyProjectKind,
  folder: "key-projects",
  getProgrammeOrThrow: getKeyProjectProgramme,
  indicators: [
    { code: "projects_started", unit: "个", computedBy: "keyProjects.started" },
    { code: "projects_in_production", unit: "个", computedBy: "keyProjects.inProduction" },
    // Tracked by hand: no dashboard figure computes completed investment yet.
    { code: "investment_completed", unit: "亿元" },
  ],
  jobs: [],
  nav: [{ href: "/key-projects", key: "keyProjects", permission: "keyProject.view", group: "programmes", order: 120, onlyWhenInUse: true }],
  messages: { "zh-CN": messagesZh, en: messagesEn },
  exports: [],
});
