// What every section of the enterprise file (一企一档) receives. A programme module adds its
// own section by writing a server component with these props and one line in
// app/(app)/registers/enterprises/[id]/page.tsx (the marked `sections` area).
import type { SessionUser } from "@/lib/platform/auth/session";

export type EnterpriseSectionProps = {
  actor: SessionUser;
  enterprise: { id: string; name: string; orgUnitId: string; orgPath: string };
};
