// The rollover form's schema (shared by the form and the action): a programme copied into a
// new period. Targets are re-keyed by `periodMap` (old period → new period); the form
// prefills it by shifting each old period by the years between the two start dates.
import { z } from "zod";
import { PERIOD_PATTERN, parsePeriod, shiftPeriod } from "./period";
import { isoDate } from "@/lib/platform/schema-fields";
import { defineAction } from "@/lib/platform/contract";

const id = z.string().min(1).max(64);

// One check, one message: "YYYY", "YYYY-Qn" or "YYYY-MM" within the years the app holds.
const newPeriod = z.string().trim().refine((v) => PERIOD_PATTERN.test(v) && parsePeriod(v) !== null, "@periodFormat");

export const rolloverSchema = z
  .strictObject({
    id,
    version: z.coerce.number().int().positive(),
    name: z.string().trim().min(2, "@required").max(100),
    startDate: isoDate,
    endDate: isoDate,
    periodMap: z.array(z.strictObject({ from: z.string().trim().min(1).max(20), to: newPeriod })).max(200),
  })
  .superRefine((v, ctx) => {
    if (v.endDate < v.startDate) ctx.addIssue({ code: "custom", message: "@endBeforeStart", path: ["endDate"] });
    const seen = new Set<string>();
    v.periodMap.forEach((p, i) => {
      if (seen.has(p.from)) ctx.addIssue({ code: "custom", message: "@rollover.periodRepeated", path: ["periodMap", i, "from"] });
      seen.add(p.from);
      const range = parsePeriod(p.to);
      if (range && v.endDate >= v.startDate && (range.end < v.startDate || range.start > v.endDate)) {
        ctx.addIssue({ code: "custom", message: "@periodOutsideProgramme", path: ["periodMap", i, "to"] });
      }
    });
  });

export type RolloverInput = z.infer<typeof rolloverSchema>;
export type RolloverFormValues = z.input<typeof rolloverSchema>;

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The same day `years` later ("2026-03-01" → "2027-03-01"). The last day of a month stays the
 * last day of that month, so a March–February period ending 28 Feb moves to 29 Feb in a leap
 * year (no day falls between two periods) and 29 Feb moves back to 28 Feb.
 */
export function shiftDate(day: string, years: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const lastOf = (year: number) => new Date(Date.UTC(year, m, 0)).getUTCDate();
  const target = lastOf(y + years);
  return `${y + years}-${pad(m)}-${pad(d === lastOf(y) ? target : Math.min(d, target))}`;
}

/** "2026年浦阳镇…" → "2027年浦阳镇…"; a name without the year gets "2027年" in front. */
export function suggestName(name: string, fromYear: number, toYear: number): string {
  const next = name.includes(String(fromYear)) ? name.split(String(fromYear)).join(String(toYear)) : `${toYear}年${name}`;
  return next.slice(0, 100);
}

/**
 * The form's starting values: the same dates the fewest whole years later that start after the
 * old period ends (a calendar year → next year; March to February → the next March), each
 * target period shifted alike.
 */
export function rolloverDefaults(p: { id: string; version: number; name: string; startDate: string; endDate: string; periods: string[] }): RolloverFormValues {
  const fromYear = Number(p.startDate.slice(0, 4));
  let years = 1;
  while (shiftDate(p.startDate, years) <= p.endDate) years += 1;
  return {
    id: p.id,
    version: p.version,
    name: suggestName(p.name, fromYear, fromYear + years),
    startDate: shiftDate(p.startDate, years),
    endDate: shiftDate(p.endDate, years),
    periodMap: [...new Set(p.periods)].sort().map((from) => ({ from, to: shiftPeriod(from, years) ?? "" })),
  };
}

// Action contracts (lib/platform/contract.ts): name and schema, shared by the action and its form.
export const rolloverProgrammeContract = defineAction({ name: "programme.rollover", schema: rolloverSchema });
