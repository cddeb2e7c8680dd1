// `npm run worker`: works the background-job queues in a process of its own (run the web app
// with JOBS_WORKERS=off then, or keep both: pg-boss hands each job to exactly one worker).
// Stops gracefully on SIGINT/SIGTERM, letting running jobs finish.
import { stopBoss } from "@/lib/platform/jobs/boss";
import { startWorkers } from "@/lib/platform/jobs/worker";
import { db } from "@/lib/platform/db/client";
import { registerContactResolvers } from "@/lib/platform/notifications/contacts";
import { programmeContacts, programmeJobs } from "@/lib/programmes/registry";
import { reportJobs } from "@/lib/dashboards";
import { registerImportJobs } from "@/lib/registers/import-jobs";
import { setNotificationMessages } from "@/lib/platform/notifications/render";
import { messagesFor } from "@/lib/programmes/messages";

// A composition root like instrumentation.ts: the modules' jobs (and their records' contacts,
// which the SMS channel looks up at send time) come from the programme registry; the managers'
// weekly and monthly reports from lib/dashboards; the confirmed register imports from lib/registers.
registerContactResolvers(programmeContacts());
// DingTalk notices are rendered from the whole catalogue, the modules' titleKeys included.
setNotificationMessages(messagesFor);
await startWorkers([...programmeJobs(), ...reportJobs, ...registerImportJobs]);
console.info("[jobs] worker running; Ctrl-C to stop");

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.info(`[jobs] ${signal}: stopping`);
  await stopBoss();
  await db.$disconnect();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
