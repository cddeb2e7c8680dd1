// `npm run audit:deps`: npm's advisory audit at level "high", with the accepted exceptions
// written down (docs/decisions/0010-dependency-audit.md). Exit 1 when a high or critical
// advisory is neither fixed nor accepted; exit 0 with one loud line when the advisory
// service cannot be reached (offline workplaces: the registry mirror only answers GET, and
// the audit endpoint is a POST), because "could not check" must never read as "clean".
import { spawnSync } from "node:child_process";

/**
 * Advisories we accept, by GHSA id or npm advisory URL, each with its reason. Empty today:
 * add an entry only together with a paragraph in decision 0010.
 */
const ACCEPTED: Record<string, string> = {};

type Advisory = { source?: number; url?: string; title?: string; severity?: string };
type Vulnerability = { name: string; severity: string; via: (string | Advisory)[]; fixAvailable?: unknown };
type Report = { vulnerabilities?: Record<string, Vulnerability>; message?: string; statusCode?: number; error?: unknown };

const run = spawnSync("npm", ["audit", "--json", "--audit-level=high"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
let report: Report | undefined;
try {
  report = JSON.parse(run.stdout) as Report;
} catch {
  report = undefined;
}

if (!report || !report.vulnerabilities) {
  const why = report?.message ?? (run.stderr.trim().split("\n").pop() || "no answer");
  console.log(`npm audit NOT done: the advisory service could not be reached (${why}). Run \`npm run audit:deps\` where registry.npmjs.org's audit endpoint is reachable.`);
  process.exit(process.env.REQUIRE_AUDIT === "1" ? 1 : 0);
}

const high = Object.values(report.vulnerabilities).filter((v) => v.severity === "high" || v.severity === "critical");
const open: string[] = [];
for (const v of high) {
  const ids = v.via.filter((x): x is Advisory => typeof x === "object").map((a) => a.url ?? String(a.source));
  const unaccepted = ids.length ? ids.filter((id) => !Object.keys(ACCEPTED).some((k) => id.includes(k))) : [`(via ${v.via.join(", ")})`];
  if (unaccepted.length) open.push(`${v.severity.padEnd(8)} ${v.name}: ${unaccepted.join(", ")}${v.fixAvailable ? " — fix available" : ""}`);
}
for (const [id, reason] of Object.entries(ACCEPTED)) console.log(`accepted ${id}: ${reason}`);
if (open.length) {
  console.log(`npm audit: ${open.length} high/critical advisories neither fixed nor accepted:\n${open.join("\n")}`);
  process.exit(1);
}
console.log(`npm audit: clean at level high (${Object.keys(report.vulnerabilities).length} lower-severity findings not gating)`);
