// GET /api/exports/trips?programme=: every investment trip the trips list shows for the chosen
// investment programme (same scoping, same order), read 500 at a time, as .xlsx. Permission
// "report.export" and "investment.view"; audited with the programme and row count.
import { z } from "zod";
import { pagedRows } from "@/lib/platform/exports/pages";
import { exportRoute } from "@/lib/platform/exports/route";
import { typedColumns } from "@/lib/platform/exports/xlsx";
import { pickProgramme } from "@/lib/programmes";
import { investmentKind } from "@/lib/investment/programme";
import { listTrips } from "@/lib/investment/queries";
import { NotFoundError } from "@/lib/platform/errors";
import { idParam } from "@/lib/platform/read";

const cols = { startDate: "date", endDate: "date", destination: "text", taskForce: "text", meetings: "integer", participants: "integer" } as const;

export const GET = exportRoute(
  { name: "trip.export", permission: ["report.export", "investment.view"], namespace: "investment", query: z.object({ programme: idParam.optional() }) },
  async ({ user, query, t, tx, replica }) => {
    const { chosen } = await pickProgramme(investmentKind, user, query.programme);
    if (!chosen) throw new NotFoundError({ entityType: "Programme", entityId: query.programme ?? null });
    return {
      name: `${chosen.name}-${t("tripsSheet")}`,
      filters: [{ label: tx("unit"), value: user.orgName }, { label: t("programme"), value: chosen.name }],
      columns: typedColumns(cols, (c) => t(`tripCols.${c}`)),
      rows: pagedRows((skip, take) => listTrips(user, { programmeId: chosen.id }, take, skip, replica), (trip) => [
        trip.startDate, trip.endDate, trip.destinationCity, trip.taskForce.name, trip._count.meetings, trip._count.participants,
      ]),
      audit: { action: "trip.export", entityType: "Programme", entityId: chosen.id, data: { programmeId: chosen.id } },
    };
  },
);
