// GET /api/exports/pairings?programme=&status=: every pairing the programme's pairing list shows
// for this status, read 500 at a time in the list's order, as .xlsx. Permission "report.export"
// and "mentorship.view"; audited with the filters and row count.
import { getLocale, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/platform/auth/session";
import { streamXlsx, typedColumns, type Cell } from "@/lib/platform/exports/xlsx";
import { attachment, XLSX_TYPE } from "@/lib/platform/http";
import { parsePairingStatus, type PairingStatusFilter } from "@/lib/mentorship/list-filter";
import { getMentorshipProgrammeOrThrow, listPairings } from "@/lib/mentorship/queries";
import { z } from "zod";
import { idParam, route } from "@/lib/platform/read";

const PAGE = 500;

async function* pairingRows(user: SessionUser, programmeId: string, status: PairingStatusFilter, t: (key: string) => string): AsyncGenerator<Cell[]> {
  for (let skip = 0; ; skip += PAGE) {
    const page = await listPairings(user, programmeId, { status }, { skip, take: PAGE });
    for (const p of page) {
      yield [p.mentor.name, p.trainee.name, p.orgUnit.name, t(`pairingStatus.${p.status}`), p.startDate, p.endDate, p._count.activities, p.rating ?? null];
    }
    if (page.length < PAGE) return;
  }
}

export const GET = route(
  { name: "pairing.export", permission: ["report.export", "mentorship.view"], query: z.object({ programme: idParam, status: z.string().max(20).optional() }) },
  async ({ request, user, query }) => {
    const params = new URL(request.url).searchParams;
    const status = parsePairingStatus(params.get("status"));
    const programme = await getMentorshipProgrammeOrThrow(user, query.programme);
    const locale = await getLocale();
    const t = await getTranslations({ locale, namespace: "mentorship" });
    const tx = await getTranslations({ locale, namespace: "exports" });
    const filters = [{ label: tx("unit"), value: user.orgName }, { label: t("exportSheet"), value: programme.name }, { label: t("status"), value: t(`pairingStatus.${status}`) }];
    const cols = { mentor: "text", trainee: "text", unit: "text", status: "text", startDate: "date", endDate: "date", activities: "integer", rating: "integer" } as const;
    const { stream, fileName } = await streamXlsx(user, {
      name: `${programme.name}-${t("exportSheet")}`,
      filters,
      columns: typedColumns(cols, (c) => t(`exportCols.${c}`)),
      rows: pairingRows(user, programme.id, status, (k) => t(k)),
      audit: { action: "pairing.export", entityType: "Programme", entityId: programme.id, data: { programmeId: programme.id, status } },
    }, locale);
    return new Response(stream, { headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(fileName), "Cache-Control": "no-store" } });
  },
);
