// The INVESTMENT programme kind: its settings and its loader (the common one in
// lib/programmes/descriptor.ts), used by the module's queries and by its descriptor.
import "server-only";
import { programmeLoader, type LoadedProgramme, type ProgrammeKind } from "@/lib/programmes";
import { investmentSettingsSchema, readInvestmentSettings, type InvestmentSettings } from "./schemas";

export const investmentKind: ProgrammeKind<InvestmentSettings> = {
  type: "INVESTMENT",
  settings: { schema: investmentSettingsSchema, read: readInvestmentSettings, defaults: readInvestmentSettings({}) },
};

export const getInvestmentProgramme = programmeLoader(investmentKind);
export type InvestmentProgramme = LoadedProgramme<InvestmentSettings>;
