// GET /api/talent/evaluation/export?year=&org=&tier=: the year's enterprise evaluation as
// .xlsx (report.export; audited in lib/points/evaluation.ts).
import { getLocale } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { attachment, XLSX_TYPE } from "@/lib/http";
import { exportEvaluation, parseEvaluationFilter } from "@/lib/points/evaluation";
import { shanghaiYear } from "@/lib/points/ledger";
import { getTalentProgrammeOrThrow } from "@/lib/points/programme";

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return new Response(null, { status: 401 });
  if (!can(user, "report.export") || !can(user, "talent.view")) return new Response(null, { status: 403 });
  let programme;
  try {
    programme = await getTalentProgrammeOrThrow(db, user);
  } catch (e) {
    if (e instanceof NotFoundError) return new Response(null, { status: 404 });
    throw e;
  }
  const filter = parseEvaluationFilter(new URL(request.url).searchParams, shanghaiYear());
  const { buffer, fileName } = await exportEvaluation(user, programme, filter, await getLocale());
  return new Response(new Uint8Array(buffer), { headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(fileName), "Cache-Control": "no-store" } });
}
