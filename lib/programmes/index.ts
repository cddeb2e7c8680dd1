// The programmes module's surface for other modules (docs/decisions/0014, "Module boundaries"):
// the descriptor type and the one programme loader every programme module uses, and the
// visibility scope of programmes. NOT the registry (lib/programmes/registry.ts): it imports
// every programme module's index, so a module reaching it through this file would import itself.
import "server-only";

export {
  loadProgrammeOrThrow, pickProgramme, programmeLoader, programmeModule, programmesOfKind,
  type ExportEntry, type IndicatorTemplate, type LoadedProgramme, type NavEntry, type ProgrammeKind, type ProgrammeModule, type ProgrammeSettings,
} from "./descriptor";
export { visibleProgrammeName, visibleProgrammes } from "./queries";
export { parsePeriod } from "./period";
