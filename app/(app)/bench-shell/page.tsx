// The bench's second floor (issue 17, goals 1 and 2; scripts/bench/floor.ts): an empty page
// inside the app's (app) layout. Between the bare page (app/(bench)/bench-floor: the framework
// alone) and a real page it measures what every signed-in page pays before its own content —
// the session check, the shell (header, both navigations, the field app's banner and badges),
// the messages the layout ships and the boundaries Next renders per layout level — so the
// bench can say how much of a page's time and bytes are the shell's and how much its own.
//
// It does not exist for users: 404 unless the server was started with BENCH_FLOOR=1 (only
// `npm run bench` sets it). It reads nothing of the request but the session.
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/platform/auth/session";

export const dynamic = "force-dynamic";

export default async function BenchShellPage() {
  if (process.env.BENCH_FLOOR !== "1") notFound();
  await requireUser();
  return <div data-bench-shell="" />;
}
