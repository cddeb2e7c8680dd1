// Dashboards: the surface other modules use (docs/decisions/0014, "Module boundaries") — the
// indicator registry and figure families, programme targets and the period, which the 赛马
// rankings compute with. Dashboards read the programme registry, so no programme module may
// import this file.
import "server-only";

export { FAMILIES, type FamilyName } from "./families";
export { computeIndicators, INDICATOR_BY_KEY, TARGET_CODE_TO_KEY } from "./indicators";
export { activeProgrammesAt, programmeTargets, type DashboardUnit } from "./queries";
export type { DashboardPeriod } from "./period";
export type { Cell } from "./view";
export { reportJobs } from "./report-jobs";
