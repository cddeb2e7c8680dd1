// For the load balancer: 200 when this instance can reach the database.
import { checkDatabase } from "@/lib/platform/db/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const ok = await checkDatabase();
  return Response.json({ ok }, { status: ok ? 200 : 503 });
}
