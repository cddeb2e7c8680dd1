// 湖滨商圈增值服务驿站 service stations (SERVICE_STATION): the module's descriptor, read through
// lib/programmes/registry.ts, and what other modules may use of it.
import "server-only";
import { programmeModule } from "@/lib/programmes";
import messagesZh from "@/messages/service-stations/zh-CN.json";
import messagesEn from "@/messages/service-stations/en.json";
import { getServiceStationProgramme, serviceStationKind } from "./programme";

export { getServiceStationProgramme, serviceStationKind, type ServiceStationProgramme } from "./programme";

export const serviceStationsModule = programmeModule({
  ...serviceStationKind,
  folder: "service-stations",
  getProgrammeOrThrow: getServiceStationProgramme,
  indicators: [
    { code: "station_cases", unit: "件", computedBy: "serviceStation.cases" },
    { code: "station_enterprises", unit: "家", computedBy: "serviceStation.enterprises" },
    { code: "station_minutes_saved", unit: "分钟", computedBy: "serviceStation.minutesSaved" },
  ],
  jobs: [],
  nav: [{ href: "/service-stations", key: "serviceStations", permission: "serviceStation.view", group: "programmes", order: 95, onlyWhenInUse: true }],
  messages: { "zh-CN": messagesZh, en: messagesEn },
  exports: [
    { route: "/api/exports/service-stations/catalogue", name: "serviceStation.catalogue.export" },
    { route: "/api/exports/service-stations/progress", name: "serviceStation.progress.export" },
  ],
});
