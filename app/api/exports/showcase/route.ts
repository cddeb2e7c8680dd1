// GET /api/exports/showcase?session=: a showcase session's entries as .xlsx, read 500 at a
// time in leaderboard order. Final scores and ranks are only exported once the session is
// CLOSED; before that the sheet lists the entrants without any score or rank column (scores
// stay secret until close). Permission "report.export" and "showcase.view"; audited.
import { getLocale, getTranslations } from "next-intl/server";
import { streamXlsx, typedColumns, type Cell } from "@/lib/platform/exports/xlsx";
import { attachment, XLSX_TYPE } from "@/lib/platform/http";
import { sessionEntriesPage, sessionForExport } from "@/lib/showcases/queries";
import { z } from "zod";
import { NotFoundError } from "@/lib/platform/errors";
import { idParam, route } from "@/lib/platform/read";

const PAGE = 500;

async function* entryRows(sessionId: string, closed: boolean): AsyncGenerator<Cell[]> {
  for (let skip = 0; ; skip += PAGE) {
    const page = await sessionEntriesPage(sessionId, closed, skip, PAGE);
    for (const e of page) {
      const base: Cell[] = [e.officer.name, e.officer.orgUnit.name, e.topic];
      yield closed ? [e.rank, ...base, e.finalScore === null ? null : Number(e.finalScore.toFixed(2))] : base;
    }
    if (page.length < PAGE) return;
  }
}

export const GET = route(
  { name: "showcase.export", permission: ["report.export", "showcase.view"], query: z.object({ session: idParam }) },
  async ({ user, query }) => {
    const session = await sessionForExport(user, query.session);
    if (!session) throw new NotFoundError({ entityType: "ShowcaseSession", entityId: query.session });
    const closed = session.status === "CLOSED";
    const locale = await getLocale();
    const t = await getTranslations({ locale, namespace: "showcase" });
    const tx = await getTranslations({ locale, namespace: "exports" });
    const sessionName = `${session.programme.name} ${t("sessionName", { quarter: session.quarter })}`;
    const entrants = { entrant: "text", unit: "text", topic: "text" } as const;
    const cols = closed ? ({ rank: "integer", ...entrants, finalScore: "decimal" } as const) : entrants;
    const { stream, fileName } = await streamXlsx(user, {
      name: `${t("exportSheet")}-${session.quarter}`,
      filters: [{ label: tx("unit"), value: user.orgName }, { label: t("exportSession"), value: sessionName }],
      columns: typedColumns(cols, (c) => t(`exportCols.${c}`)),
      rows: entryRows(session.id, closed),
      audit: { action: "showcase.export", entityType: "ShowcaseSession", entityId: session.id, data: { sessionId: session.id, status: session.status, scores: closed } },
    }, locale);
    return new Response(stream, { headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(fileName), "Cache-Control": "no-store" } });
  },
);
