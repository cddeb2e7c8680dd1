// Debian packages the test run needs beside node_modules, found or installed so that `npm test`
// works on a fresh CI machine by itself: faketime for the date-shifted runs
// (scripts/shifted-clock.ts) and python3 + python3-openpyxl, the independent reader the Excel
// export test reads every export back with (tests/integration/xlsx-exports.test.ts).
// Installing needs apt-get and root or passwordless sudo; otherwise the caller prints one line
// saying what to install, and the step that needs the package fails rather than passing.
//
//   npx tsx scripts/system-packages.ts    find or install python3-openpyxl; exit 1 with the line if impossible
import { spawnSync } from "node:child_process";
import fs from "node:fs";

/** `sudo -n` when not root and sudo needs no password; [] as root; null when we may not. */
function rootPrefix(): string[] | null {
  if (typeof process.getuid === "function" && process.getuid() === 0) return [];
  return spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0 ? ["sudo", "-n"] : null;
}

/** apt-get install the packages (an `apt-get update` first only when the plain install fails). */
export function aptInstall(packages: string[]): boolean {
  if (!fs.existsSync("/usr/bin/apt-get")) return false;
  const prefix = rootPrefix();
  if (!prefix) return false;
  const run = (args: string[]) => {
    const [command, ...rest] = [...prefix, ...args];
    return spawnSync(command!, rest, { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0;
  };
  const install = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", ...packages];
  if (run(install)) return true;
  run(["apt-get", "update", "-qq"]);
  return run(install);
}

/** What `find` finds, or — when it finds nothing — what it finds after installing the packages. */
export function findOrInstall<T>(find: () => T | null, packages: string[], what: string): T | null {
  const found = find();
  if (found !== null) return found;
  console.log(`${what} is missing: installing Debian's ${packages.join(" ")} (apt-get install ${packages.join(" ")}) …`);
  return aptInstall(packages) ? find() : null;
}

export const OPENPYXL_MISSING = "openpyxl is missing — apt-get install python3-openpyxl";

/** A python3 that imports openpyxl: OPENPYXL_PYTHON, python3 on the PATH, then Debian's
 *  /usr/bin/python3 (a pyenv or venv python3 on the PATH does not see Debian's package). */
export function findOpenpyxlPython(): string | null {
  const candidates = [process.env.OPENPYXL_PYTHON, "python3", "/usr/bin/python3"].filter((c): c is string => !!c);
  for (const python of new Set(candidates)) {
    if (spawnSync(python, ["-c", "import openpyxl"], { stdio: "ignore" }).status === 0) return python;
  }
  return null;
}

/** Finds or installs python3 + python3-openpyxl; the interpreter, or the line saying what to install. */
export function ensureOpenpyxl(): { python: string } | { missing: string } {
  const python = findOrInstall(findOpenpyxlPython, ["python3", "python3-openpyxl"], "openpyxl");
  return python ? { python } : { missing: OPENPYXL_MISSING };
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const r = ensureOpenpyxl();
  if ("missing" in r) {
    console.error(r.missing);
    process.exit(1);
  }
  console.log(`openpyxl: ${r.python}`);
}
