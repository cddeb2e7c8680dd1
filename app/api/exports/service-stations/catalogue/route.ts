// GET /api/exports/service-stations/catalogue?station=: a station's whole service catalogue as
// .xlsx, in the columns the catalogue import reads (lib/service-stations/catalogue-excel.ts),
// so an edited export imports back. Permission "report.export" and "serviceStation.view"; a
// station outside the user's area is not found; audited.
import { z } from "zod";
import { exportRoute } from "@/lib/platform/exports/route";
import { idParam } from "@/lib/platform/read";
import { catalogueExportSpec } from "@/lib/service-stations/catalogue-excel";
import { getStationOrThrow } from "@/lib/service-stations/queries";

export const GET = exportRoute(
  {
    name: "serviceStation.catalogue.export", permission: ["report.export", "serviceStation.view"], namespace: "serviceStation.catalogue",
    query: z.object({ station: idParam }), buffered: true,
  },
  async ({ user, query, t }) => {
    const station = await getStationOrThrow(user, query.station);
    return catalogueExportSpec(user, station, { sheet: t("exportSheet"), station: t("exportStation") });
  },
);
