// Per-request facts that audit rows and error logs carry.
import { headers } from "next/headers";
import { randomUUID } from "node:crypto";
import { clientAddressOf } from "@/lib/platform/client-address";

export type RequestMeta = { requestId: string; ip: string | null };

export async function getRequestMeta(): Promise<RequestMeta> {
  let h;
  try {
    h = await headers();
  } catch {
    // Outside a request (scripts, tests calling lib functions directly).
    return { requestId: randomUUID(), ip: null };
  }
  return clientAddressOf(h);
}
