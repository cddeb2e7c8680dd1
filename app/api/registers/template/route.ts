// The import template (.xlsx with the Chinese headers and one example row).
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ForbiddenError } from "@/lib/platform/errors";
import { importTemplate } from "@/lib/registers/import";
import { mayImport, registerKindField } from "@/lib/registers/import-service";
import { attachment, XLSX_TYPE } from "@/lib/platform/http";
import { route } from "@/lib/platform/read";

export const GET = route(
  { name: "register.template", query: z.object({ kind: registerKindField }) },
  async ({ user, query }) => {
    if (!mayImport(user, query.kind)) throw new ForbiddenError("register.import");
    const t = await getTranslations("registers");
    const body = await importTemplate(query.kind);
    return new Response(new Uint8Array(body), {
      headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(`${t(query.kind === "households" ? "templateHouseholds" : "templateEnterprises")}.xlsx`), "Cache-Control": "no-store" },
    });
  },
);
