// One pattern for every Excel download: an export route declares its permissions, its query
// (and path segments) and a builder that answers with the workbook's declaration (name,
// filters, columns, rows, audit). exportRoute does the rest once: route()'s sign-in,
// permission and zod checks with their HTTP statuses, the locale and translators, the streamed
// workbook (./xlsx.ts, which writes the audit row as the stream ends) and the response headers
// (the .xlsx type, the attachment with a UTF-8 name, no-store: a file of personal data is
// never cached).
import "server-only";
import type { z } from "zod";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/platform/auth/session";
import type { Permission } from "@/lib/platform/authz/permissions";
import { readDb, type Db } from "@/lib/platform/db/client";
import { attachment, XLSX_TYPE } from "@/lib/platform/http";
import { route, type RouteContext, type RouteHandler } from "@/lib/platform/read";
import { streamXlsx, xlsxBytes, type ExportResult, type ExportSpec } from "./xlsx";

export type Translator = Awaited<ReturnType<typeof getTranslations>>;

export type ExportContext<P, Q> = RouteContext<SessionUser, P, Q, undefined> & {
  /** The translator of the route's own namespace (`namespace`), in the request's locale. */
  t: Translator;
  /** The "exports" namespace: the shared filter labels ("单位", "期间") and units. */
  tx: Translator;
  /** The raw query string, for the list parsers shared with the pages. */
  search: URLSearchParams;
  /**
   * The client for the export's rows: the read replica when DATABASE_REPLICA_URL is set, else
   * the primary. A download is a report of what was committed a moment ago, so it may lag by
   * the replica's delay; the audit row is still written on the primary (./xlsx.ts).
   */
  replica: Db;
};

export type ExportRouteOptions<P, Q> = {
  /** Audit/log name of the route (refusals are recorded under it), e.g. "visit.export". */
  name: string;
  /** "report.export" and the list's own view permission: all must be held. */
  permission: Permission | readonly Permission[];
  params?: P;
  query?: Q;
  /** The messages namespace `t` reads ("visits", "hotline"…). */
  namespace?: string;
  /**
   * Build the whole file before answering (report workbooks of a few hundred rows). The audit
   * row is then written before the response, so a download the client drops is still audited
   * and a failure answers 500 instead of a cut-off file; long lists stream instead, and are
   * audited as their stream ends.
   */
  buffered?: boolean;
};

function xlsxHeaders(fileName: string): HeadersInit {
  return { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(fileName), "Cache-Control": "no-store" };
}

/** The streamed workbook as a download. */
export function xlsxResponse({ stream, fileName }: Pick<ExportResult, "stream" | "fileName">): Response {
  return new Response(stream, { headers: xlsxHeaders(fileName) });
}

/** A GET route handler that answers with the workbook `build` declares, streamed and audited. */
export function exportRoute<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  options: ExportRouteOptions<P, Q>,
  build: (ctx: ExportContext<P, Q>) => Promise<ExportSpec>,
): RouteHandler {
  const { namespace = "exports", buffered = false, ...routeOptions } = options;
  return route<P, Q, undefined>(routeOptions, async (ctx) => {
    const [t, tx] = await Promise.all([getTranslations({ locale: ctx.locale, namespace }), getTranslations({ locale: ctx.locale, namespace: "exports" })]);
    const spec = await build({ ...ctx, t, tx, search: new URL(ctx.request.url).searchParams, replica: readDb() });
    if (buffered) {
      const { buffer, fileName } = await xlsxBytes(ctx.user, spec, ctx.locale);
      return new Response(new Uint8Array(buffer), { headers: xlsxHeaders(fileName) });
    }
    return xlsxResponse(await streamXlsx(ctx.user, spec, ctx.locale));
  });
}
