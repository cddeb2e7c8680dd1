// GET /api/investment/key-projects?programme=…: the key-project battle map as .xlsx.
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { exportKeyProjects } from "@/lib/investment/export";
import { attachment, XLSX_TYPE } from "@/lib/platform/http";
import { idParam, route } from "@/lib/platform/read";

export const GET = route(
  { name: "keyProject.export", permission: ["report.export", "keyProject.view"], query: z.object({ programme: idParam }) },
  async ({ user, query }) => {
    const { buffer, fileName } = await exportKeyProjects(user, query.programme, await getLocale());
    return new Response(new Uint8Array(buffer), { headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(fileName), "Cache-Control": "no-store" } });
  },
);
