// The SERVICE_STATION programme kind (no settings) and its loader (the common one in
// lib/programmes/descriptor.ts), used by the module's queries and by its descriptor.
import "server-only";
import { programmeLoader, type LoadedProgramme, type ProgrammeKind } from "@/lib/programmes";

export const serviceStationKind: ProgrammeKind<Record<string, never>> = { type: "SERVICE_STATION" };

export const getServiceStationProgramme = programmeLoader(serviceStationKind);
export type ServiceStationProgramme = LoadedProgramme<Record<string, never>>;
