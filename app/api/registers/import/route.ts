// Upload of a register import file (.xlsx/.csv): validates every row, stores the rows and
// returns the preview. A route handler rather than a server action: a district's file (up to
// IMPORT_MAX_MB) is far over the server-action body limit. The body is capped at the file
// limit plus the multipart framing before it is parsed; "register.import" is checked before a
// byte of it is read. The file is then read as a stream (lib/platform/exports/import-sheet.ts).
import { NextResponse } from "next/server";
import { z } from "zod";
import { ForbiddenError } from "@/lib/platform/errors";
import { IMPORT_MAX_BYTES } from "@/lib/registers/import";
import { mayImport, receiveImportUpload, registerKindField } from "@/lib/registers/import-service";
import { MULTIPART_MARGIN_BYTES, route } from "@/lib/platform/read";

const uploadSchema = z.object({ kind: registerKindField, file: z.instanceof(File) });

export const POST = route(
  { name: "register.import.upload", permission: "register.import", body: { schema: uploadSchema, maxBytes: IMPORT_MAX_BYTES + MULTIPART_MARGIN_BYTES } },
  async ({ user, body }) => {
    if (!mayImport(user, body.kind)) throw new ForbiddenError("register.import");
    const result = await receiveImportUpload(user, body.kind, body.file.name, body.file);
    return NextResponse.json(result, { status: result.ok ? 200 : 422 });
  },
);
