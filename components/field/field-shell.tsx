// The field app's parts of every signed-in page (issue 16): service worker registration, the
// offline banner, the work set's background refresh and the "N 条待同步" link. Each part is its
// own client component; this server component only mounts them, with the strings they use.
import type { SessionUser } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ServiceWorkerRegistration } from "./sw-register";
import { OfflineBanner } from "./offline-banner";
// Dexie and zod come with these two: loaded after hydration, not in every page's first load.
import { LazyOutboxBadge as OutboxBadge, LazyWorkSetSync as WorkSetSync } from "./lazy-parts";

export function FieldShell({ user }: { user: SessionUser }) {
  return (
    <ClientMessages namespaces={["field.shell"]}>
      <OfflineBanner />
      {/* The work set, the outbox and the kept pages serve those who record visits in the
          field. Only they get the worker: its page cache is wiped by their sign-out and
          work-set refresh, which nobody else runs. */}
      {can(user, "visit.create") ? (
        <>
          <ServiceWorkerRegistration />
          <WorkSetSync userId={user.id} />
          <OutboxBadge userId={user.id} />
        </>
      ) : null}
    </ClientMessages>
  );
}
