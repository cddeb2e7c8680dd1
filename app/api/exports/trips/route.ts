// GET /api/exports/trips?programme=: every investment trip the trips list shows for the chosen
// investment programme (same scoping, same order), read 500 at a time, as .xlsx. Permission
// "report.export" and "investment.view"; audited with the programme and row count.
import { getLocale, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/platform/auth/session";
import { streamXlsx, typedColumns, type Cell } from "@/lib/platform/exports/xlsx";
import { attachment, XLSX_TYPE } from "@/lib/platform/http";
import { listTrips, pickInvestmentProgramme } from "@/lib/investment/queries";
import { z } from "zod";
import { NotFoundError } from "@/lib/platform/errors";
import { idParam, route } from "@/lib/platform/read";

const PAGE = 500;

async function* tripRows(user: SessionUser, programmeId: string): AsyncGenerator<Cell[]> {
  for (let skip = 0; ; skip += PAGE) {
    const page = await listTrips(user, { programmeId }, PAGE, skip);
    for (const trip of page) {
      yield [trip.startDate, trip.endDate, trip.destinationCity, trip.taskForce.name, trip._count.meetings, trip._count.participants];
    }
    if (page.length < PAGE) return;
  }
}

export const GET = route(
  { name: "trip.export", permission: ["report.export", "investment.view"], query: z.object({ programme: idParam.optional() }) },
  async ({ user, query }) => {
    const { chosen } = await pickInvestmentProgramme(user, query.programme);
    if (!chosen) throw new NotFoundError({ entityType: "Programme", entityId: query.programme ?? null });
    const locale = await getLocale();
    const t = await getTranslations({ locale, namespace: "investment" });
    const tx = await getTranslations({ locale, namespace: "exports" });
    const cols = { startDate: "date", endDate: "date", destination: "text", taskForce: "text", meetings: "integer", participants: "integer" } as const;
    const { stream, fileName } = await streamXlsx(user, {
      name: `${chosen.name}-${t("tripsSheet")}`,
      filters: [{ label: tx("unit"), value: user.orgName }, { label: t("programme"), value: chosen.name }],
      columns: typedColumns(cols, (c) => t(`tripCols.${c}`)),
      rows: tripRows(user, chosen.id),
      audit: { action: "trip.export", entityType: "Programme", entityId: chosen.id, data: { programmeId: chosen.id } },
    }, locale);
    return new Response(stream, { headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(fileName), "Cache-Control": "no-store" } });
  },
);
