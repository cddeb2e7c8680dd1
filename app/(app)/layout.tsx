import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/platform/auth/session";
import { AppShell } from "@/components/shell/app-shell";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  // Layouts do not re-run on every navigation, so each page checks the user again
  // (requireUser / requirePermission); this is only for the shell.
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return <AppShell user={user}>{children}</AppShell>;
}
