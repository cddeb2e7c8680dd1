// The import template (.xlsx with the Chinese headers and one example row).
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { importTemplate } from "@/lib/registers/import";
import { mayImport, registerKindField } from "@/lib/registers/import-service";
import { attachment, XLSX_TYPE } from "@/lib/http";

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response(null, { status: 401 });
  const kind = registerKindField.safeParse(new URL(request.url).searchParams.get("kind"));
  if (!kind.success) return new Response(null, { status: 400 });
  if (!mayImport(user, kind.data)) return new Response(null, { status: 403 });
  const t = await getTranslations("registers");
  const body = await importTemplate(kind.data);
  return new Response(new Uint8Array(body), {
    headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(`${t(kind.data === "households" ? "templateHouseholds" : "templateEnterprises")}.xlsx`), "Cache-Control": "no-store" },
  });
}
