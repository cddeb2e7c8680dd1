import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/platform/auth/session";
import { AppShell } from "@/components/shell/app-shell";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  // Layouts do not re-run on every navigation, so each page checks the user again
  // (requireUser / requirePermission); this is only for the shell.
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  // The shell's client parts (nav), the forms' buttons and dialogs that most pages have
  // (common), the field app's shell parts (field.shell: the offline banner, the outbox badge;
  // components/field/field-shell.tsx), and of "errors" only the keys client code reads (the
  // rest, ≈ 5 kB of every module's refusals, are the server's): forms and buttons (network,
  // checkFields, searchNetwork) and error.tsx (pageTitle500, page500, retry). A page ships its
  // own module's namespaces (decision 0020).
  return (
    <ClientMessages namespaces={["nav.language", "common", "field.shell", "errors.network", "errors.checkFields", "errors.searchNetwork", "errors.pageTitle500", "errors.page500", "errors.retry"]}>
      <AppShell user={user}>{children}</AppShell>
    </ClientMessages>
  );
}
