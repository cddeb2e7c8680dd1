// Excel exports of investment progress (per task force, per unit, the leads) and of the key
// projects board, declared for the shared writer (lib/platform/exports/xlsx.ts). Small by nature
// (tens of task forces, hundreds of leads), so the rows are read up front; the leads are capped
// anyway. Chinese headers from the messages, the filters and the export time (Asia/Shanghai) on
// the first line of each sheet, amounts as 万元 numbers, dates as date cells. Audited with what
// each workbook counts.
import { now as clockNow } from "@/lib/platform/clock";
import "server-only";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/platform/auth/session";
import type { Column, ExportSpec, SheetSpec } from "@/lib/platform/exports/xlsx";
import { getInvestmentProgramme } from "./programme";
import { listLeads } from "./queries";
import { investmentProgress, type ProgressRange, type ProgressRow } from "./progress";
import { getKeyProjectProgramme, keyProjectBoard } from "@/lib/key-projects";

export const EXPORT_MAX_LEADS = 5000;

/** A 万元 string as an Excel number (exact to the cent: at most 16 significant digits). */
const num = (wan: string) => Number(wan);

// The amount headers already name 万元 and the counts their measure word ("线索（条）").
const text = (header: string): Column => ({ header, type: "text" });
const count = (header: string): Column => ({ header, type: "integer" });
const wan = (header: string, unit: string): Column => ({ header, type: "amount", unit });
const date = (header: string): Column => ({ header, type: "date" });

export async function investmentExport(user: SessionUser, programmeId: string, range: ProgressRange, locale: string): Promise<ExportSpec> {
  const programme = await getInvestmentProgramme(user, programmeId);
  const t = await getTranslations({ locale, namespace: "investment" });
  const e = (k: string) => t(`export.${k}` as never);
  const progress = await investmentProgress(user, programmeId, range);
  const leads = await listLeads(user, { programmeId }, EXPORT_MAX_LEADS);
  const filters = [{ label: e("programme"), value: programme.name }, { label: e("period"), value: `${range.from}～${range.to}` }];
  const unit = (await getTranslations({ locale, namespace: "exports" }))("units.wan");

  const progressSheet = (name: string, rows: ProgressRow[], first: string, withKind: boolean): SheetSpec => ({
    name,
    columns: [
      text(first), ...(withKind ? [text(e("kind"))] : []), count(e("trips")), count(e("tripsTarget")), count(e("enterprises")), count(e("enterprisesTarget")), count(e("leads")),
      count(e("signed")), count(e("signedTarget")), wan(e("signedWan"), unit), wan(e("targetWan"), unit), count(e("landed")), wan(e("landedWan"), unit),
    ],
    rows: rows.map((r) => [
      r.name, ...(withKind ? [r.kind ? t(`kind.${r.kind}` as never) : ""] : []),
      r.trips, r.targets?.trips ?? null, r.enterprises, r.targets?.enterprises ?? null, r.leads, r.signed, r.targets?.projects ?? null,
      num(r.signedWan), r.targets ? num(r.targets.investmentWan) : null, r.landed, num(r.landedWan),
    ]),
  });
  const leadSheet: SheetSpec = {
    name: e("sheetLeads"),
    columns: [text(e("title")), text(e("taskForce")), text(e("stage")), text(e("enterprise")), text(e("sector")), wan(e("plannedWan"), unit), date(e("signedOn")), wan(e("signedWan"), unit), date(e("landedOn"))],
    rows: leads.map((l) => [
      l.title, l.taskForce.name, t(`stage.${l.stage}` as never), l.enterprise?.name ?? l.prospect?.name ?? "", l.sector, num(l.plannedInvestmentWan.toFixed(2)),
      l.signedOn, l.signedAmountWan ? num(l.signedAmountWan.toFixed(2)) : null, l.landedOn,
    ]),
  };
  return {
    name: programme.name,
    filters,
    sheets: [
      progressSheet(e("sheetTaskForces"), progress.taskForces, e("taskForce"), true),
      progressSheet(e("sheetUnits"), [...progress.units, { ...progress.total, name: `${e("total")}（${progress.total.name}）` }], e("unit"), false),
      leadSheet,
    ],
    audit: {
      action: "investment.export", entityType: "Programme", entityId: programmeId,
      data: () => ({ range, taskForces: progress.taskForces.length, leads: leads.length, truncated: leads.length >= EXPORT_MAX_LEADS }),
    },
  };
}

export async function keyProjectsExport(user: SessionUser, programmeId: string, locale: string, now = clockNow()): Promise<ExportSpec> {
  const programme = await getKeyProjectProgramme(user, programmeId);
  const t = await getTranslations({ locale, namespace: "keyProjects" });
  const ti = await getTranslations({ locale, namespace: "investment" });
  const board = await keyProjectBoard(user, programmeId, now);
  const h = (k: string) => t(`exportHeaders.${k}` as never);
  const unit = (await getTranslations({ locale, namespace: "exports" }))("units.wan");
  return {
    name: programme.name,
    sheets: [{
      name: t("sheet"),
      columns: [text(h("name")), text(h("stage")), text(h("unit")), text(h("owner")), wan(h("investmentWan"), unit), text(h("location")), text(h("liaison")), text(h("late")), count(h("blockers"))],
      rows: board.cards.map((c) => [
        c.name, t(`stage.${c.stage}` as never), c.orgUnitName, c.ownerName ?? "", num(c.investmentWan), c.location, c.liaisonName ?? "",
        c.lateMilestones.map((m) => `${t(`milestone.${m.kind}` as never)}（${t(`timing.${m.late}` as never)}）`).join("、"), c.openBlockers,
      ]),
    }],
    filters: [{ label: ti("export.programme"), value: programme.name }],
    audit: { action: "keyProject.export", entityType: "Programme", entityId: programmeId, data: () => ({ projects: board.cards.length }) },
  };
}
