// Upload of a register import file (.xlsx/.csv): validates every row, stores the file and
// returns the preview. A route handler rather than a server action: files may exceed the
// server-action body limit.
import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { IMPORT_MAX_BYTES } from "@/lib/registers/import";
import { mayImport, receiveImportUpload, registerKindField } from "@/lib/registers/import-service";
import { sameOrigin } from "@/lib/http";

export async function POST(request: Request) {
  const tErrors = await getTranslations("errors");
  if (!sameOrigin(request)) return NextResponse.json({ ok: false, error: tErrors("forbidden") }, { status: 403 });
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return NextResponse.json({ ok: false, error: tErrors("unauthenticated") }, { status: 401 });
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > IMPORT_MAX_BYTES + 64 * 1024) {
    const t = await getTranslations("validation");
    return NextResponse.json({ ok: false, error: t("registers.importTooLarge", { max: 10 }) }, { status: 413 });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return NextResponse.json({ ok: false, error: tErrors("checkFields") }, { status: 400 });
  }
  const kind = registerKindField.safeParse(form.get("kind"));
  const file = form.get("file");
  if (!kind.success || !(file instanceof File)) return NextResponse.json({ ok: false, error: tErrors("checkFields") }, { status: 400 });
  if (!mayImport(user, kind.data)) return NextResponse.json({ ok: false, error: tErrors("forbidden") }, { status: 403 });
  const result = await receiveImportUpload(user, kind.data, file.name, Buffer.from(await file.arrayBuffer()));
  return NextResponse.json(result, { status: result.ok ? 200 : 422 });
}
