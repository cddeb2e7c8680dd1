// The platform's own job definitions, imported for their side effect (defineJob at import
// time). Programme modules' jobs are not listed here: the platform never imports a module.
// They come from the programme registry (lib/programmes/registry.ts), which the composition
// roots (instrumentation.ts, scripts/worker.ts) pass to startWorkers().
import "@/lib/platform/notifications/jobs";
