// Every admin page carries the new-year checklist above its own content (it renders nothing
// outside November–December or once next year is ready). Pages still check their own
// permission; this layout only adds the banner.
import { getCurrentUser } from "@/lib/platform/auth/session";
import { NewYearChecklistBanner } from "@/components/new-year/checklist-banner";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  return (
    <div className="space-y-4">
      {user ? <NewYearChecklistBanner user={user} /> : null}
      {children}
    </div>
  );
}
