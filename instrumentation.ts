// Next.js calls register() once when a server process starts. In the Node.js runtime it starts
// the background-job workers (lib/platform/jobs): deadline timers and notification deliveries run in
// the app's own processes, on PostgreSQL (pg-boss), with no extra service to deploy.
// Set JOBS_WORKERS=off to run the web process without workers and run `npm run worker`
// separately instead (README "Background jobs").
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // Fail at boot, not on the first talent page, when production lacks the ID-number key.
  const { assertPiiKeyConfigured } = await import("@/lib/platform/privacy/crypto");
  assertPiiKeyConfigured();
  // Before the first request is handled: the client address is the socket peer, or what the
  // trusted proxies report (lib/platform/client-address.ts); a bad TRUSTED_PROXIES stops here.
  const { assertTrustedProxiesConfigured } = await import("@/lib/platform/client-address");
  assertTrustedProxiesConfigured();
  const { installPeerAddressHook } = await import("@/lib/platform/peer-address");
  installPeerAddressHook();
  if (process.env.JOBS_WORKERS === "off") return;
  // The composition root: the platform's worker gets the modules' jobs from the programme
  // registry (lib/platform never imports a module).
  const { startWorkers } = await import("@/lib/platform/jobs/worker");
  const { programmeContacts, programmeJobs } = await import("@/lib/programmes/registry");
  // The SMS channel looks a record's contact up at send time (a hotline caller's mobile).
  const { registerContactResolvers } = await import("@/lib/platform/notifications/contacts");
  registerContactResolvers(programmeContacts());
  // DingTalk notices are rendered from the whole catalogue, the modules' titleKeys included.
  const { setNotificationMessages } = await import("@/lib/platform/notifications/render");
  const { messagesFor } = await import("@/lib/programmes/messages");
  setNotificationMessages(messagesFor);
  // Beside the programmes' jobs, the managers' weekly and monthly reports (lib/dashboards) and
  // the confirmed register imports (lib/registers/import-jobs.ts: not through the module index,
  // which every module that creates a register record imports).
  const { reportJobs } = await import("@/lib/dashboards");
  const { registerImportJobs } = await import("@/lib/registers/import-jobs");
  const start = async (attempt: number): Promise<void> => {
    try {
      await startWorkers([...programmeJobs(), ...reportJobs, ...registerImportJobs]);
    } catch (error) {
      // The database may still be starting: the web app works without workers meanwhile, and
      // due jobs simply wait in the queue until a worker picks them up.
      console.error(`[jobs] could not start workers (attempt ${attempt}); retrying in 30 s`, error);
      (globalThis as { __workersStarted?: unknown }).__workersStarted = undefined;
      setTimeout(() => void start(attempt + 1), 30_000).unref();
    }
  };
  void start(1);
}
