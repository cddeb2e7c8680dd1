// GET /api/exports/showcase?session=: a showcase session's entries as .xlsx, read 500 at a
// time in leaderboard order. Final scores and ranks are only exported once the session is
// CLOSED; before that the sheet lists the entrants without any score or rank column (scores
// stay secret until close). Permission "report.export" and "showcase.view"; audited.
import { z } from "zod";
import { pagedRows } from "@/lib/platform/exports/pages";
import { exportRoute } from "@/lib/platform/exports/route";
import { typedColumns, type Cell } from "@/lib/platform/exports/xlsx";
import { sessionEntriesPage, sessionForExport } from "@/lib/showcases/queries";
import { NotFoundError } from "@/lib/platform/errors";
import { idParam } from "@/lib/platform/read";

const entrants = { entrant: "text", unit: "text", topic: "text" } as const;

export const GET = exportRoute(
  { name: "showcase.export", permission: ["report.export", "showcase.view"], namespace: "showcase", query: z.object({ session: idParam }) },
  async ({ user, query, t, tx, replica }) => {
    const session = await sessionForExport(user, query.session);
    if (!session) throw new NotFoundError({ entityType: "ShowcaseSession", entityId: query.session });
    const closed = session.status === "CLOSED";
    const sessionName = `${session.programme.name} ${t("sessionName", { quarter: session.quarter })}`;
    const cols = closed ? ({ rank: "integer", ...entrants, finalScore: "decimal" } as const) : entrants;
    return {
      name: `${t("exportSheet")}-${session.quarter}`,
      filters: [{ label: tx("unit"), value: user.orgName }, { label: t("exportSession"), value: sessionName }],
      columns: typedColumns(cols, (c) => t(`exportCols.${c}`)),
      rows: pagedRows((skip, take) => sessionEntriesPage(session.id, closed, skip, take, replica), (e) => {
        const base: Cell[] = [e.officer.name, e.officer.orgUnit.name, e.topic];
        return closed ? [e.rank, ...base, e.finalScore === null ? null : Number(e.finalScore.toFixed(2))] : base;
      }),
      audit: { action: "showcase.export", entityType: "ShowcaseSession", entityId: session.id, data: { sessionId: session.id, status: session.status, scores: closed } },
    };
  },
);
