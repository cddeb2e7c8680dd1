// Excel exports of investment progress (per task force, per unit, the leads) and of the key
// projects board. Small by nature (tens of task forces, hundreds of leads), so the workbook
// is built in memory; capped anyway. Chinese headers from the messages, the filters and the
// export time (Asia/Shanghai) on the first line, amounts as 万元 numbers. Audited.
import { now as clockNow } from "@/lib/platform/clock";
import "server-only";
import ExcelJS from "exceljs";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session";
import { appendAuditStandalone } from "@/lib/audit/write";
import { getRequestMeta } from "@/lib/request";
import { formatCalendarDate, formatDateTime } from "@/lib/format/dates";
import { getInvestmentProgrammeOrThrow, listLeads } from "./queries";
import { investmentProgress, type ProgressRange, type ProgressRow } from "./progress";
import { keyProjectBoard, getKeyProjectProgrammeOrThrow } from "@/lib/key-projects/queries";

export const EXPORT_MAX_LEADS = 5000;

/** A 万元 string as an Excel number (exact to the cent: at most 16 significant digits). */
const num = (wan: string) => Number(wan);

function stampRow(sheet: ExcelJS.Worksheet, text: string) {
  sheet.addRow([text]);
  sheet.getRow(1).font = { italic: true };
}

function header(sheet: ExcelJS.Worksheet, headers: string[]) {
  const row = sheet.addRow(headers);
  row.font = { bold: true };
  sheet.columns.forEach((c, i) => (c.width = Math.max(12, (headers[i]?.length ?? 6) * 2 + 2)));
}

async function audit(user: SessionUser, action: string, entityType: string, entityId: string, data: Record<string, unknown>) {
  const meta = await getRequestMeta();
  await appendAuditStandalone({ actorId: user.id, actorName: user.name, requestId: meta.requestId, ip: meta.ip }, { action, entityType, entityId, orgUnitId: user.orgUnitId, data });
}

const day = (now: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(now).replaceAll("-", "");

export async function exportInvestment(user: SessionUser, programmeId: string, range: ProgressRange, locale: string, now = clockNow()) {
  const programme = await getInvestmentProgrammeOrThrow(user, programmeId);
  const t = await getTranslations({ locale, namespace: "investment" });
  const e = (k: string) => t(`export.${k}` as never);
  const progress = await investmentProgress(user, programmeId, range);
  const leads = await listLeads(user, { programmeId }, EXPORT_MAX_LEADS);
  const stamp = `${e("filters")}：${e("programme")}=${programme.name}；${e("period")}=${range.from}～${range.to}　${e("time")}：${formatDateTime(now, locale)}（${e("timeZone")}）`;
  const wb = new ExcelJS.Workbook();

  const progressSheet = (name: string, rows: ProgressRow[], first: string, withKind: boolean) => {
    const sheet = wb.addWorksheet(name);
    stampRow(sheet, stamp);
    header(sheet, [first, ...(withKind ? [e("kind")] : []), e("trips"), e("tripsTarget"), e("enterprises"), e("enterprisesTarget"), e("leads"), e("signed"), e("signedTarget"), e("signedWan"), e("targetWan"), e("landed"), e("landedWan")]);
    for (const r of rows) {
      sheet.addRow([
        r.name, ...(withKind ? [r.kind ? t(`kind.${r.kind}` as never) : ""] : []),
        r.trips, r.targets?.trips ?? "", r.enterprises, r.targets?.enterprises ?? "", r.leads, r.signed, r.targets?.projects ?? "",
        num(r.signedWan), r.targets ? num(r.targets.investmentWan) : "", r.landed, num(r.landedWan),
      ]);
    }
  };
  progressSheet(e("sheetTaskForces"), progress.taskForces, e("taskForce"), true);
  progressSheet(e("sheetUnits"), [...progress.units, { ...progress.total, name: `${e("total")}（${progress.total.name}）` }], e("unit"), false);

  const leadSheet = wb.addWorksheet(e("sheetLeads"));
  stampRow(leadSheet, stamp);
  header(leadSheet, [e("title"), e("taskForce"), e("stage"), e("enterprise"), e("sector"), e("plannedWan"), e("signedOn"), e("signedWan"), e("landedOn")]);
  for (const l of leads) {
    leadSheet.addRow([
      l.title, l.taskForce.name, t(`stage.${l.stage}` as never), l.enterprise?.name ?? l.prospect?.name ?? "", l.sector, num(l.plannedInvestmentWan.toFixed(2)),
      l.signedOn ? formatCalendarDate(l.signedOn) : "", l.signedAmountWan ? num(l.signedAmountWan.toFixed(2)) : "", l.landedOn ? formatCalendarDate(l.landedOn) : "",
    ]);
  }
  const buffer = await wb.xlsx.writeBuffer();
  await audit(user, "investment.export", "Programme", programmeId, { range, taskForces: progress.taskForces.length, leads: leads.length, truncated: leads.length >= EXPORT_MAX_LEADS });
  return { buffer, fileName: `${programme.name}-${day(now)}.xlsx` };
}

export async function exportKeyProjects(user: SessionUser, programmeId: string, locale: string, now = clockNow()) {
  const programme = await getKeyProjectProgrammeOrThrow(user, programmeId);
  const t = await getTranslations({ locale, namespace: "keyProjects" });
  const ti = await getTranslations({ locale, namespace: "investment" });
  const board = await keyProjectBoard(user, programmeId, now);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(t("sheet"));
  stampRow(sheet, `${ti("export.filters")}：${ti("export.programme")}=${programme.name}　${ti("export.time")}：${formatDateTime(now, locale)}（${ti("export.timeZone")}）`);
  const h = (k: string) => t(`exportHeaders.${k}` as never);
  header(sheet, [h("name"), h("stage"), h("unit"), h("owner"), h("investmentWan"), h("location"), h("liaison"), h("late"), h("blockers")]);
  for (const c of board.cards) {
    sheet.addRow([
      c.name, t(`stage.${c.stage}` as never), c.orgUnitName, c.ownerName ?? "", num(c.investmentWan), c.location, c.liaisonName ?? "",
      c.lateMilestones.map((m) => `${t(`milestone.${m.kind}` as never)}（${t(`timing.${m.late}` as never)}）`).join("、"), c.openBlockers,
    ]);
  }
  const buffer = await wb.xlsx.writeBuffer();
  await audit(user, "keyProject.export", "Programme", programmeId, { projects: board.cards.length });
  return { buffer, fileName: `${programme.name}-${day(now)}.xlsx` };
}
