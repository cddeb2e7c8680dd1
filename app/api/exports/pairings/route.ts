// GET /api/exports/pairings?programme=&status=: every pairing the programme's pairing list shows
// for this status, read 500 at a time in the list's order, as .xlsx. Permission "report.export"
// and "mentorship.view"; audited with the filters and row count.
import { z } from "zod";
import { pagedRows } from "@/lib/platform/exports/pages";
import { exportRoute } from "@/lib/platform/exports/route";
import { typedColumns } from "@/lib/platform/exports/xlsx";
import { parsePairingStatus } from "@/lib/mentorship/list-filter";
import { getMentorshipProgramme } from "@/lib/mentorship/programme";
import { listPairings } from "@/lib/mentorship/queries";
import { idParam } from "@/lib/platform/read";

const cols = { mentor: "text", trainee: "text", unit: "text", status: "text", startDate: "date", endDate: "date", activities: "integer", rating: "integer" } as const;

export const GET = exportRoute(
  { name: "pairing.export", permission: ["report.export", "mentorship.view"], namespace: "mentorship", query: z.object({ programme: idParam, status: z.string().max(20).optional() }) },
  async ({ user, query, search, t, tx, replica }) => {
    const status = parsePairingStatus(search.get("status"));
    const programme = await getMentorshipProgramme(user, query.programme);
    return {
      name: `${programme.name}-${t("exportSheet")}`,
      filters: [{ label: tx("unit"), value: user.orgName }, { label: t("exportSheet"), value: programme.name }, { label: t("status"), value: t(`pairingStatus.${status}`) }],
      columns: typedColumns(cols, (c) => t(`exportCols.${c}`)),
      rows: pagedRows(
        (skip, take) => listPairings(user, programme.id, { status }, { skip, take }, replica),
        (p) => [p.mentor.name, p.trainee.name, p.orgUnit.name, t(`pairingStatus.${p.status}`), p.startDate, p.endDate, p._count.activities, p.rating ?? null],
      ),
      audit: { action: "pairing.export", entityType: "Programme", entityId: programme.id, data: { programmeId: programme.id, status } },
    };
  },
);
