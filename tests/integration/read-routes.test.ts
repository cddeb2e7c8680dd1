// Reads and route handlers take the same road as writes (lib/platform/read.ts): every route handler
// and every server action answers a signed-out caller with a translated refusal (the lists
// are read from the file system, so a new one that skips the wrappers fails here); a role
// without the permission gets 403; a record outside the user's area is the same 404 as an
// unknown id and leaves a DENIED audit row; a bad query is a 400 with field errors. Bodies
// are capped before they are parsed (413), without reading past the cap.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { IMPORT_MAX_BYTES, IMPORT_MAX_MB } from "@/lib/registers/import";
import { MULTIPART_MARGIN_BYTES, PUBLIC_FORM_MAX_BYTES } from "@/lib/platform/read";
import { searchPlacesAction } from "@/lib/visits/actions";
import { suggestMentorsAction } from "@/lib/mentorship/actions";
import { GET as exportPairings } from "@/app/api/exports/pairings/route";
import { GET as exportVisits } from "@/app/api/exports/visits/route";
import { GET as exportDashboard } from "@/app/api/exports/dashboard/route";
import { GET as exportInvestment } from "@/app/api/investment/export/route";
import { POST as submitIntake } from "@/app/(public)/service/submit/route";
import { POST as uploadImport } from "@/app/api/registers/import/route";
import { resetRequest } from "../support/next-stubs";
import { actAs } from "../support/fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");
const UNAUTHENTICATED = "登录已失效，请重新登录。";
const FORBIDDEN = "您没有执行此操作的权限。";
const NOT_FOUND = "记录不存在，或不在您的管辖范围内。";
const ORIGIN = { host: "localhost:3000", origin: "http://localhost:3000" };

function filesUnder(dir: string, match: (file: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && match(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Every route handler but Auth.js's own, the health probe and the service worker script
 *  (the same file for everyone, fetched by the browser's update check without a session:
 *  tests/integration/field-pwa.test.ts), with a value for each dynamic segment. */
const ROUTES = filesUnder(path.join(ROOT, "app"), (f) => f === "route.ts")
  .map((file) => path.relative(ROOT, file))
  .filter((file) => !file.includes("[...nextauth]") && !file.startsWith("app/api/health/") && file !== "app/sw.js/route.ts");
const PUBLIC_ROUTES = ["app/(public)/service/submit/route.ts", "app/(public)/service/feedback/route.ts"];

function paramsOf(file: string) {
  const params: Record<string, string> = {};
  for (const [, name] of file.matchAll(/\[(\w+)\]/g)) params[name!] = name === "kind" ? "households" : "someid";
  return { params: Promise.resolve(params) };
}

/** Exported server actions are the exports of every "use server" module under lib/. */
const ACTION_FILES = filesUnder(path.join(ROOT, "lib"), (f) => f.endsWith(".ts"))
  .filter((file) => /^["']use server["']/m.test(readFileSync(file, "utf8")));
// Signing in (with a password or from DingTalk), signing out and choosing a language are what
// a signed-out visitor does.
const NO_SESSION_ACTIONS = new Set(["signInAction", "dingtalkSignInAction", "signOutAction", "setLocaleAction"]);

async function json(response: Response) {
  expect(response.headers.get("content-type")).toContain("application/json");
  return response.json();
}

const countDenied = (actorId: string, action: string) => db.auditLog.count({ where: { actorId, action, outcome: "DENIED" } });

beforeEach(() => resetRequest());

describe("signed out", () => {
  it("every route handler answers 401 with a translated message", async () => {
    expect(ROUTES.length).toBeGreaterThanOrEqual(22);
    const checked: string[] = [];
    for (const file of ROUTES.filter((f) => !PUBLIC_ROUTES.includes(f))) {
      const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        const handler = mod[method] as ((r: Request, c: unknown) => Promise<Response>) | undefined;
        if (!handler) continue;
        const init: RequestInit = method === "GET" ? { headers: ORIGIN } : { method, headers: { ...ORIGIN, "content-type": "application/json" }, body: "{}" };
        const response = await handler(new Request(`http://localhost:3000/${file}?programme=p&kind=households&session=s&scheme=s&from=2020-01-01&to=2020-01-02`, init), paramsOf(file));
        expect(response.status, `${method} ${file}`).toBe(401);
        expect(await json(response), `${method} ${file}`).toEqual({ ok: false, error: UNAUTHENTICATED });
        checked.push(`${method} ${file}`);
      }
    }
    expect(checked.length).toBe(ROUTES.length - PUBLIC_ROUTES.length);
  });

  it("every server action, read or write, refuses with the translated message", async () => {
    let checked = 0;
    for (const file of ACTION_FILES) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const [name, fn] of Object.entries(mod)) {
        if (typeof fn !== "function" || NO_SESSION_ACTIONS.has(name)) continue;
        const result = await (fn as (input: unknown) => Promise<unknown>)({});
        expect(result, `${path.relative(ROOT, file)} ${name}`).toMatchObject({ ok: false, error: UNAUTHENTICATED });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe("refusals", () => {
  it("a role without the permission: 403 from a route, a refusal from a read action, each audited", async () => {
    const officer = await actAs("py.officer");
    const beforeExport = await countDenied(officer.id, "visit.export");
    const response = await exportVisits(new Request("http://localhost:3000/api/exports/visits"));
    expect(response.status).toBe(403);
    expect(await json(response)).toEqual({ ok: false, error: FORBIDDEN });
    expect(await countDenied(officer.id, "visit.export")).toBe(beforeExport + 1);

    const beforeSuggest = await countDenied(officer.id, "mentorship.suggestMentors");
    expect(await suggestMentorsAction({ programmeId: "any", traineeId: "any" })).toEqual({ ok: false, error: FORBIDDEN });
    expect(await countDenied(officer.id, "mentorship.suggestMentors")).toBe(beforeSuggest + 1);
  });

  it("a programme of another area is the same 404 as an unknown id, and both leave a DENIED row", async () => {
    // A manager and a mentorship programme of an area neither inside nor above the manager's.
    const [programmes, managers] = await Promise.all([
      db.programme.findMany({ where: { type: "MENTORSHIP" }, include: { orgUnit: { select: { path: true } } }, orderBy: { id: "asc" } }),
      db.user.findMany({ where: { role: "MANAGER", active: true }, include: { orgUnit: { select: { path: true } } }, orderBy: { username: "asc" } }),
    ]);
    const pair = managers
      .flatMap((m) => programmes.map((p) => ({ m, p })))
      .find(({ m, p }) => !p.orgUnit.path.startsWith(m.orgUnit.path) && !m.orgUnit.path.startsWith(p.orgUnit.path));
    expect(pair, "a mentorship programme outside some manager's area").toBeDefined();
    const manager = await actAs(pair!.m.username);
    const foreign = pair!.p;
    const before = await countDenied(manager.id, "pairing.export");
    const answers = [];
    for (const id of [foreign!.id, "no-such-programme"]) {
      const response = await exportPairings(new Request(`http://localhost:3000/api/exports/pairings?programme=${id}`));
      answers.push({ status: response.status, body: await json(response) });
    }
    expect(answers[0]).toEqual({ status: 404, body: { ok: false, error: NOT_FOUND } });
    expect(answers[1]).toEqual(answers[0]);
    expect(await countDenied(manager.id, "pairing.export")).toBe(before + 2);
  });
});

describe("bad input", () => {
  it("a bad query is a 400 with translated field errors, not a 500 or an empty body", async () => {
    await actAs("py.manager");
    const investment = await exportInvestment(new Request("http://localhost:3000/api/investment/export?programme=p&from=yesterday&to=2020-01-01"));
    expect(investment.status).toBe(400);
    const body = await json(investment);
    expect(body).toMatchObject({ ok: false, error: "请检查标红的字段。" });
    expect(Object.keys(body.fieldErrors)).toEqual(["from"]);
    expect(body.fieldErrors.from[0]).toBe("请输入有效日期");

    const dashboard = await exportDashboard(new Request("http://localhost:3000/api/exports/dashboard?table=everything"));
    expect(dashboard.status).toBe(400);
    expect(Object.keys((await json(dashboard)).fieldErrors)).toEqual(["table"]);
  });

  it("a read action with bad input gets field errors, not an empty list", async () => {
    await actAs("py.officer");
    const result = await searchPlacesAction({ placeType: "CASTLE", q: "谢" });
    expect(result).toMatchObject({ ok: false, error: "请检查标红的字段。", fieldErrors: { placeType: [expect.any(String)] } });
  });
});

/**
 * A body of `total` bytes arriving in 8 KB chunks, that fails the test if anyone reads more
 * than `readLimit` bytes of it (a server that reads a whole 10 MB body before refusing it).
 * A Request pulls a chunk or two ahead of its reader on its own, hence the slack below.
 */
const SLACK = 64 * 1024;

function guardedBody(total: number, readLimit: number, chunk: Uint8Array = new Uint8Array(8 * 1024).fill(0x20)) {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      if (sent > readLimit) throw new Error(`read ${sent} bytes of a body capped at ${readLimit}`);
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, read: () => sent };
}

describe("bounded bodies", () => {
  it("/service/submit refuses a 10 MB body with 413 after reading at most its 16 KB cap, and writes nothing", async () => {
    const before = await db.serviceRequest.count();
    const body = guardedBody(10 * 1024 * 1024, PUBLIC_FORM_MAX_BYTES + SLACK);
    // No Content-Length: the bytes are counted as they arrive.
    const response = await submitIntake(new Request("http://localhost:3000/service/submit", {
      method: "POST", headers: { ...ORIGIN, "content-type": "application/json" }, body: body.stream, duplex: "half",
    } as RequestInit));
    expect(response.status).toBe(413);
    expect(await json(response)).toEqual({ ok: false, error: "提交的内容过大，不能超过 16 KB。" });
    expect(body.read()).toBeLessThanOrEqual(PUBLIC_FORM_MAX_BYTES + SLACK);
    expect(await db.serviceRequest.count()).toBe(before);
  });

  it("a declared Content-Length over the cap is refused before the body is read", async () => {
    const body = guardedBody(10 * 1024 * 1024, 8 * 1024);
    const response = await submitIntake(new Request("http://localhost:3000/service/submit", {
      method: "POST", headers: { ...ORIGIN, "content-type": "application/json", "content-length": String(10 * 1024 * 1024) }, body: body.stream, duplex: "half",
    } as RequestInit));
    expect(response.status).toBe(413);
    // The one chunk the stream buffers on its own; counting to the cap would pull three.
    expect(body.read()).toBeLessThanOrEqual(8 * 1024);
  });

  it("the register import upload refuses an oversized file with 413 without reading it all, and writes nothing", async () => {
    const manager = await actAs("py.manager");
    const [households, audits] = await Promise.all([db.household.count(), db.auditLog.count({ where: { actorId: manager.id } })]);
    const cap = IMPORT_MAX_BYTES + MULTIPART_MARGIN_BYTES;
    const boundary = "----routes-test-boundary";
    const head = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nhouseholds\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    );
    // 64 KB chunks: the Request may pull two of them ahead of its reader, hence two slacks.
    const rows = guardedBody(IMPORT_MAX_BYTES + 8 * 1024 * 1024, cap + 2 * SLACK, new TextEncoder().encode("户主,地址\n".repeat(4096).slice(0, 64 * 1024)));
    let headSent = false;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!headSent) {
          headSent = true;
          return controller.enqueue(head);
        }
        const reader = rows.stream.getReader();
        const { done, value } = await reader.read();
        reader.releaseLock();
        if (done) controller.close();
        else controller.enqueue(value);
      },
    });
    const response = await uploadImport(new Request("http://localhost:3000/api/registers/import", {
      method: "POST", headers: { ...ORIGIN, "content-type": `multipart/form-data; boundary=${boundary}` }, body: stream, duplex: "half",
    } as RequestInit));
    expect(response.status).toBe(413);
    expect(await json(response)).toEqual({ ok: false, error: `提交的内容过大，不能超过 ${IMPORT_MAX_MB} MB。` });
    expect(rows.read()).toBeLessThanOrEqual(cap + 2 * SLACK);
    expect(await db.household.count()).toBe(households);
    expect(await db.auditLog.count({ where: { actorId: manager.id } })).toBe(audits);
  });
});
