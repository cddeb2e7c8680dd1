// `npm run seed:scale [-- --small | --scale=0.1] [--keep]`: a district-scale dataset for the
// benchmark, in its own database (zjtrack_scale on an embedded cluster in .data/pg-scale, or
// the database named by SCALE_DATABASE_URL). Full scale: 12 streets, 150 villages, 1,000
// users, 50,000 enterprises, 500,000 households, 3,000,000 visits over three years, 100,000
// problems, 300,000 hotline requests, 20,000 talents with 2,000,000 ledger entries. --small
// is 1/100 of every volume (same tree shape).
//
// Everything is generated set-based in PostgreSQL (INSERT … SELECT FROM generate_series),
// never row by row, with triggers switched off for the session (session_replication_role =
// replica: the rollup, bigram and append-only triggers); afterwards the bigrams are filled in
// one UPDATE and the dashboard rollups rebuilt with dashboard_rollups_rebuild() — the same
// function the consistency check compares against. The ledger stays consistent: each
// account's balance is the sum of its entries and every balanceAfter is the running sum.
// The demo district is seeded first (so the demo logins exist); the scale data hangs under
// 余杭区, so yh.manager's dashboard is the district-scale view.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { PROJECT_ROOT, ensureDatabase, startEmbeddedPostgres, type EmbeddedCluster } from "./db/embedded";
import { deployMigrations } from "./db/migrate";

const args = process.argv.slice(2);
const scaleArg = args.find((a) => a.startsWith("--scale="));
const SCALE = args.includes("--small") ? 0.01 : scaleArg ? Number(scaleArg.split("=")[1]) : 1;
const n = (full: number) => Math.max(1, Math.round(full * SCALE));

const V = {
  streets: 12,
  villages: 150,
  users: n(1000),
  enterprises: n(50_000),
  households: n(500_000),
  visits: n(3_000_000),
  problems: n(100_000),
  requests: n(300_000),
  talents: n(20_000),
  entriesPerTalent: 100,
};

async function step<T>(client: pg.Client, label: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const started = Date.now();
  const r = await client.query(sql, params);
  console.log(`  ${label.padEnd(44)} ${String(r.rowCount ?? "").padStart(9)} rows  ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return r.rows as T[];
}

async function main() {
  const t0 = Date.now();
  let cluster: EmbeddedCluster | undefined;
  let url = process.env.SCALE_DATABASE_URL;
  if (!url) {
    cluster = await startEmbeddedPostgres({ dir: process.env.SCALE_PG_DIR ?? ".data/pg-scale", port: Number(process.env.SCALE_PG_PORT ?? 54419), quiet: true });
    const admin = new pg.Client({ connectionString: cluster.url("postgres") });
    await admin.connect();
    await admin.query("DROP DATABASE IF EXISTS zjtrack_scale WITH (FORCE)");
    await admin.end();
    await ensureDatabase(cluster.url("postgres"), "zjtrack_scale");
    url = cluster.url("zjtrack_scale");
  }
  console.log(`Scale ${SCALE} → ${JSON.stringify(V)}`);
  await deployMigrations(url);
  process.env.DATABASE_URL = url;
  const { seedIfEmpty } = await import("../prisma/seed");
  const { db } = await import("../lib/platform/db/client");
  await seedIfEmpty();
  await db.$disconnect();

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SET session_replication_role = replica");
  await client.query("SET work_mem = '64MB'");
  const one = async (sql: string) => (await client.query(sql)).rows[0];
  const yh = await one(`SELECT id, path, depth FROM org_unit WHERE code = 'YH'`);
  const admin = await one(`SELECT id FROM app_user WHERE username = 'admin'`);
  const hash = (await one(`SELECT "passwordHash" AS h FROM app_user WHERE username = 'py.officer'`)).h;
  const p = [yh.id, yh.path, yh.depth];

  console.log("Generating …");
  await step(client, "streets", `
    INSERT INTO org_unit (id, name, kind, code, "parentId", path, depth, "sortOrder", "updatedAt")
    SELECT 'scs' || lpad(s::text, 3, '0'), '规模街道' || s, 'STREET', 'SC-S' || s, $1, $2 || 'scs' || lpad(s::text, 3, '0') || '/', $3 + 1, 100 + s, now()
    FROM generate_series(1, ${V.streets}) s`, p);
  await step(client, "villages", `
    INSERT INTO org_unit (id, name, kind, code, "parentId", path, depth, "sortOrder", "updatedAt")
    SELECT 'scv' || lpad(v::text, 4, '0'), '规模' || ((v - 1) % ${V.streets} + 1) || '街道' || v || '村', 'VILLAGE', 'SC-V' || v,
           'scs' || lpad(((v - 1) % ${V.streets} + 1)::text, 3, '0'),
           $1 || 'scs' || lpad(((v - 1) % ${V.streets} + 1)::text, 3, '0') || '/scv' || lpad(v::text, 4, '0') || '/', $2 + 2, v, now()
    FROM generate_series(1, ${V.villages}) v`, [yh.path, yh.depth]);
  await step(client, "users (officers)", `
    INSERT INTO app_user (id, username, name, "passwordHash", role, "orgUnitId", "updatedAt")
    SELECT 'scu' || u, 'sc.officer' || u, '规模干部' || u, $1, CASE WHEN u % 50 = 0 THEN 'MANAGER' ELSE 'OFFICER' END::"Role",
           'scv' || lpad(((u - 1) % ${V.villages} + 1)::text, 4, '0'), now()
    FROM generate_series(1, ${V.users}) u`, [hash]);
  await step(client, "enterprises", `
    INSERT INTO enterprise (id, "creditCode", name, "orgUnitId", address, industry, size, "commissionerId", "updatedAt")
    SELECT 'sce' || e, '91330110SC' || lpad(e::text, 8, '0'), '规模企业' || e || '有限公司', 'scv' || lpad(((e - 1) % ${V.villages} + 1)::text, 4, '0'),
           '余杭区规模街道' || e || '号', (ARRAY['制造业','软件和信息技术服务业','批发和零售业','商务服务业'])[e % 4 + 1],
           CASE WHEN e % 10 = 0 THEN 'ABOVE_SCALE' ELSE 'SMALL_MICRO' END::"EnterpriseSize", 'scu' || ((e - 1) % ${V.users} + 1), now()
    FROM generate_series(1, ${V.enterprises}) e`);
  await step(client, "households", `
    INSERT INTO household (id, "householdKey", "orgUnitId", "headName", address, phone, "membersCount", "updatedAt")
    SELECT 'sch' || h, 'SC-' || lpad(h::text, 7, '0'), 'scv' || lpad(((h - 1) % ${V.villages} + 1)::text, 4, '0'),
           (ARRAY['王','李','张','刘','陈','杨','黄','赵'])[h % 8 + 1] || '户主' || h, '余杭区规模村' || (h % 40 + 1) || '组' || h || '号',
           '139' || lpad((h % 100000000)::text, 8, '0'), 1 + h % 5, now()
    FROM generate_series(1, ${V.households}) h`);
  const programmes = await step<{ id: string; type: string }>(client, "programmes", `
    INSERT INTO programme (id, type, name, description, "startDate", "endDate", "orgUnitId", status, "createdById", "updatedAt")
    VALUES ('scpvisit', 'VISIT_CAMPAIGN', '余杭区民情双访（规模测试）', '基准测试数据', (date_trunc('year', now()) - interval '2 years')::date, (date_trunc('year', now()) + interval '1 year - 1 day')::date, $1, 'ACTIVE', $2, now()),
           ('scphot', 'HOTLINE', '余杭区亲企办热线（规模测试）', '基准测试数据', (date_trunc('year', now()) - interval '2 years')::date, (date_trunc('year', now()) + interval '1 year - 1 day')::date, $1, 'ACTIVE', $2, now()),
           ('scppts', 'TALENT_POINTS', '余杭区人才积分（规模测试）', '基准测试数据', (date_trunc('year', now()) - interval '2 years')::date, (date_trunc('year', now()) + interval '1 year - 1 day')::date, $1, 'ACTIVE', $2, now())
    RETURNING id, type`, [yh.id, admin.id]);
  void programmes;
  await step(client, "indicator + targets per street", `
    WITH ind AS (INSERT INTO programme_indicator (id, "programmeId", code, name, unit) VALUES ('scind1', 'scpvisit', 'households_visited', '走访农户', '户') RETURNING id)
    INSERT INTO programme_target (id, "indicatorId", "orgUnitId", period, "periodStart", "periodEnd", value)
    SELECT 'sct' || s, (SELECT id FROM ind), 'scs' || lpad(s::text, 3, '0'), to_char(now(), 'YYYY'), date_trunc('year', now())::date, (date_trunc('year', now()) + interval '1 year - 1 day')::date, ${Math.max(1, Math.round(V.households / V.streets * 0.8))}
    FROM generate_series(1, ${V.streets}) s`);
  // Visits over the last three years; 80 % households, 20 % enterprises, every 7th with a mentor.
  await step(client, "visits", `
    INSERT INTO visit (id, "programmeId", "orgUnitId", "officerId", "mentorId", kind, "householdId", "enterpriseId", "visitedAt", "updatedAt", "createdAt")
    SELECT 'scvis' || i, 'scpvisit',
           'scv' || lpad(((CASE WHEN i % 5 = 0 THEN (i * 7) % ${V.enterprises} ELSE (i * 13) % ${V.households} END) % ${V.villages} + 1)::text, 4, '0'),
           'scu' || (i % ${V.users} + 1), CASE WHEN i % 7 = 0 THEN 'scu' || ((i + 1) % ${V.users} + 1) END,
           CASE WHEN i % 5 = 0 THEN 'ENTERPRISE' ELSE 'HOUSEHOLD' END::"VisitKind",
           CASE WHEN i % 5 <> 0 THEN 'sch' || ((i * 13) % ${V.households} + 1) END,
           CASE WHEN i % 5 = 0 THEN 'sce' || ((i * 7) % ${V.enterprises} + 1) END,
           at, at, at
    FROM (SELECT i, now() - (random() * interval '1095 days') AS at FROM generate_series(1, ${V.visits}) i) g`);
  await step(client, "problems (raised on visits)", `
    INSERT INTO problem (id, "visitId", "foundById", "programmeId", "orgUnitId", title, category, status, "resolvedAt", "createdAt", "updatedAt")
    SELECT 'scp' || v.i, v.id, v."officerId", 'scpvisit', v."orgUnitId", '规模问题' || v.i, '基础设施',
           CASE WHEN v.i % 3 = 0 THEN 'OPEN' WHEN v.i % 3 = 1 THEN 'RESOLVED' ELSE 'CONFIRMED' END::"ProblemStatus",
           CASE WHEN v.i % 3 <> 0 THEN v."visitedAt" + (v.i % 20 + 1) * interval '1 day' END, v."visitedAt", now()
    FROM (SELECT substr(id, 6)::int AS i, id, "officerId", "orgUnitId", "visitedAt" FROM visit WHERE id LIKE 'scvis%' AND substr(id, 6)::int % ${Math.max(1, Math.round(V.visits / V.problems))} = 0) v`);
  await step(client, "hotline requests", `
    INSERT INTO service_request (id, number, "trackingCode", "programmeId", "orgUnitId", "enterpriseId", channel, "callerName", "callerPhone", category, description,
                                 status, "receivedAt", "acceptDueAt", "assignDueAt", "respondDueAt", "acceptedAt", "assignedAt", "respondedAt", "closedAt", satisfaction, "assigneeId", "updatedAt")
    SELECT 'scr' || i, 'SC' || lpad(i::text, 9, '0'), md5(i::text), 'scphot', e."orgUnitId", e.id, 'PHONE', '企业联系人', '13800000000', '政策咨询', '规模测试诉求',
           CASE WHEN i % 50 = 0 THEN 'ASSIGNED' ELSE 'CLOSED' END::"RequestStatus",
           at, at + interval '8 hours', at + interval '8 hours', at + interval '10 hours',
           at + (i % 11) * interval '1 hour', at + (i % 13) * interval '1 hour',
           CASE WHEN i % 50 <> 0 THEN at + (i % 14) * interval '1 hour' END,
           CASE WHEN i % 50 <> 0 THEN at + interval '2 days' END,
           CASE WHEN i % 50 <> 0 THEN 3 + i % 3 END, e."commissionerId", now()
    FROM (SELECT i, now() - (random() * interval '1095 days') AS at, 'sce' || (i % ${V.enterprises} + 1) AS eid FROM generate_series(1, ${V.requests}) i) g
    JOIN enterprise e ON e.id = g.eid`);
  await step(client, "point item", `INSERT INTO point_item (id, "programmeId", subject, code, name, levels, "updatedAt") VALUES ('scitem', 'scppts', 'TALENT', 'SC1', '贡献分', '[]', now())`);
  await step(client, "talents", `
    INSERT INTO talent (id, "enterpriseId", "orgUnitId", name, "idNumberEnc", "idHash", "idLast4", "updatedAt")
    SELECT 'sctal' || t, e.id, e."orgUnitId", '人才' || t, 'enc', md5('sc' || t), lpad((t % 10000)::text, 4, '0'), now()
    FROM generate_series(1, ${V.talents}) t JOIN enterprise e ON e.id = 'sce' || (t % ${V.enterprises} + 1)`);
  // 100 entries per talent: nine grants of +10 then a redemption of −5, repeated; the
  // balance never dips below zero and ends at 90 × 10 − 10 × 5 = 850.
  await step(client, "point accounts (balance = sum of entries)", `
    INSERT INTO point_account (id, subject, "talentId", "orgUnitId", balance)
    SELECT 'scacc' || substr(id, 6), 'TALENT', id, "orgUnitId", ${V.entriesPerTalent / 10 * 9 * 10 - V.entriesPerTalent / 10 * 5} FROM talent WHERE id LIKE 'sctal%'`);
  await step(client, "ledger entries", `
    INSERT INTO point_ledger_entry ("accountId", kind, points, "balanceAfter", year, "itemId", reason, at)
    SELECT a.id, CASE WHEN k % 10 = 0 THEN 'REDEMPTION' ELSE 'GRANT' END::"LedgerEntryKind",
           CASE WHEN k % 10 = 0 THEN -5 ELSE 10 END,
           (k - k / 10) * 10 - (k / 10) * 5,
           extract(year FROM now() - (${V.entriesPerTalent} - k) * interval '10 days')::int,
           CASE WHEN k % 10 <> 0 THEN 'scitem' END, '规模测试', now() - (${V.entriesPerTalent} - k) * interval '10 days'
    FROM point_account a CROSS JOIN generate_series(1, ${V.entriesPerTalent}) k WHERE a.id LIKE 'scacc%'`);
  await client.query("SET session_replication_role = origin");
  await step(client, "address bigrams", `UPDATE household SET "addressBigrams" = text_bigrams(address) WHERE id LIKE 'sch%'`);
  await step(client, "enterprise bigrams", `UPDATE enterprise SET "addressBigrams" = text_bigrams(address) WHERE id LIKE 'sce%'`);
  await step(client, "dashboard rollups rebuild", `SELECT dashboard_rollups_rebuild()`);
  await step(client, "ANALYZE", `ANALYZE`);
  const check = await one(`SELECT (SELECT count(*) FROM point_account a WHERE a.balance <> (SELECT COALESCE(sum(points), 0) FROM point_ledger_entry l WHERE l."accountId" = a.id)) AS bad_balances,
                                  (SELECT count(*) FROM visit) AS visits, (SELECT count(*) FROM point_ledger_entry) AS entries, (SELECT sum(visits) FROM rollup_visit_day) AS rolled_visits`);
  console.log(`Checks: ${JSON.stringify(check)}`);
  await client.end();
  const seconds = (Date.now() - t0) / 1000;
  console.log(`Done in ${seconds.toFixed(0)} s. DATABASE_URL=${url}`);
  fs.mkdirSync(path.join(PROJECT_ROOT, "bench"), { recursive: true });
  fs.writeFileSync(path.join(PROJECT_ROOT, "bench", process.env.SCALE_INFO_FILE ?? ".scale.json"), JSON.stringify({ url, scale: SCALE, volumes: V, seconds, at: new Date().toISOString() }, null, 2));
  if (cluster && !args.includes("--keep")) await cluster.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
