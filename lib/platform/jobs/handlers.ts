// Every module's job definitions, imported for their side effect (defineJob at import time).
// A worker imports this file so it knows all jobs. Add one line per module.
import "@/lib/platform/notifications/jobs";
import "@/lib/hotline/jobs";
import "@/lib/talent/points/jobs";
