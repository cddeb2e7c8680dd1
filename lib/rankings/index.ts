// Rankings: the surface other modules use (docs/decisions/0014, "Module boundaries"). Only the
// ranking method (shared ranks: the talent evaluation ranks the same way). Keep the rankings'
// queries out of here: they read the dashboards and through them the programme registry, and
// the talent module is in that registry.
export { sharedRanks } from "./method";
