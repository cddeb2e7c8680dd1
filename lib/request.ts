// Per-request facts that audit rows and error logs carry.
import { headers } from "next/headers";
import { randomUUID } from "node:crypto";

export type RequestMeta = { requestId: string; ip: string | null };

export async function getRequestMeta(): Promise<RequestMeta> {
  try {
    const h = await headers();
    const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
    return {
      requestId: h.get("x-request-id") ?? randomUUID(),
      ip: forwarded || h.get("x-real-ip") || null,
    };
  } catch {
    // Outside a request (scripts, tests calling lib functions directly).
    return { requestId: randomUUID(), ip: null };
  }
}
