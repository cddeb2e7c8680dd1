-- CreateTable
CREATE TABLE "rollup_visit_day" (
    "programmeKey" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "visits" INTEGER NOT NULL DEFAULT 0,
    "household" INTEGER NOT NULL DEFAULT 0,
    "enterprise" INTEGER NOT NULL DEFAULT 0,
    "followUp" INTEGER NOT NULL DEFAULT 0,
    "guided" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rollup_visit_day_pkey" PRIMARY KEY ("programmeKey","day","orgUnitId")
);

-- CreateTable
CREATE TABLE "visit_first_reach" (
    "scope" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "subjectKind" TEXT NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "firstDay" DATE NOT NULL,

    CONSTRAINT "visit_first_reach_pkey" PRIMARY KEY ("scope","subjectId")
);

-- CreateTable
CREATE TABLE "rollup_reach_day" (
    "scope" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "households" INTEGER NOT NULL DEFAULT 0,
    "enterprises" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rollup_reach_day_pkey" PRIMARY KEY ("scope","day","orgUnitId")
);

-- CreateTable
CREATE TABLE "rollup_problem_day" (
    "programmeKey" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "raised" INTEGER NOT NULL DEFAULT 0,
    "solved" INTEGER NOT NULL DEFAULT 0,
    "solvedDaysSum" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "rollup_problem_day_pkey" PRIMARY KEY ("programmeKey","day","orgUnitId")
);

-- CreateTable
CREATE TABLE "rollup_request_day" (
    "programmeId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "received" INTEGER NOT NULL DEFAULT 0,
    "acceptMet" INTEGER NOT NULL DEFAULT 0,
    "acceptOnTime" INTEGER NOT NULL DEFAULT 0,
    "assignMet" INTEGER NOT NULL DEFAULT 0,
    "assignOnTime" INTEGER NOT NULL DEFAULT 0,
    "respondMet" INTEGER NOT NULL DEFAULT 0,
    "respondOnTime" INTEGER NOT NULL DEFAULT 0,
    "closed" INTEGER NOT NULL DEFAULT 0,
    "satisfactionSum" INTEGER NOT NULL DEFAULT 0,
    "satisfactionCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rollup_request_day_pkey" PRIMARY KEY ("programmeId","day","orgUnitId")
);

-- CreateTable
CREATE TABLE "rollup_points_day" (
    "programmeKey" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "orgUnitId" TEXT NOT NULL,
    "granted" INTEGER NOT NULL DEFAULT 0,
    "redeemed" INTEGER NOT NULL DEFAULT 0,
    "expired" INTEGER NOT NULL DEFAULT 0,
    "entries" INTEGER NOT NULL DEFAULT 0,
    "redemptions" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rollup_points_day_pkey" PRIMARY KEY ("programmeKey","day","orgUnitId")
);

-- CreateTable
CREATE TABLE "rollup_register_unit" (
    "orgUnitId" TEXT NOT NULL,
    "households" INTEGER NOT NULL DEFAULT 0,
    "enterprises" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rollup_register_unit_pkey" PRIMARY KEY ("orgUnitId")
);

-- CreateIndex
CREATE INDEX "rollup_visit_day_orgUnitId_day_idx" ON "rollup_visit_day"("orgUnitId", "day");

-- CreateIndex
CREATE INDEX "visit_first_reach_subjectId_idx" ON "visit_first_reach"("subjectId");

-- CreateIndex
CREATE INDEX "rollup_reach_day_orgUnitId_day_idx" ON "rollup_reach_day"("orgUnitId", "day");

-- CreateIndex
CREATE INDEX "rollup_problem_day_orgUnitId_day_idx" ON "rollup_problem_day"("orgUnitId", "day");

-- CreateIndex
CREATE INDEX "rollup_request_day_orgUnitId_day_idx" ON "rollup_request_day"("orgUnitId", "day");

-- CreateIndex
CREATE INDEX "rollup_points_day_orgUnitId_day_idx" ON "rollup_points_day"("orgUnitId", "day");

-- ───────────── Hand-written: the triggers that keep the rollups current ─────────────
-- See docs/decisions/0006-dashboard-rollups.md. Every trigger works the same way: an UPDATE
-- or DELETE takes the OLD row's contribution away, an INSERT or UPDATE adds the NEW row's,
-- with one upsert per rollup row (ON CONFLICT … SET n = n + EXCLUDED.n), in the writer's
-- transaction: a rollup is never ahead of or behind the committed base rows.
-- dashboard_rollups_rebuild() recomputes everything set-based from the base tables (after a
-- bulk load with triggers off, and as the independent side of the consistency check).

-- The Asia/Shanghai calendar day of a timestamp stored as UTC (Prisma's timestamp(3)).
CREATE FUNCTION zj_day(ts timestamp) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ((ts AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date
$$;

-- Visits ----------------------------------------------------------------------------------
CREATE FUNCTION rollup_visit_apply(r visit, sign int) RETURNS void LANGUAGE sql AS $$
  INSERT INTO rollup_visit_day AS t ("programmeKey", day, "orgUnitId", visits, household, enterprise, "followUp", guided)
  VALUES (COALESCE(r."programmeId", ''), zj_day(r."visitedAt"), r."orgUnitId", sign,
          CASE WHEN r.kind = 'HOUSEHOLD' THEN sign ELSE 0 END,
          CASE WHEN r.kind = 'ENTERPRISE' THEN sign ELSE 0 END,
          CASE WHEN r.kind = 'FOLLOW_UP' THEN sign ELSE 0 END,
          CASE WHEN r."mentorId" IS NOT NULL THEN sign ELSE 0 END)
  ON CONFLICT ("programmeKey", day, "orgUnitId") DO UPDATE SET
    visits = t.visits + EXCLUDED.visits, household = t.household + EXCLUDED.household,
    enterprise = t.enterprise + EXCLUDED.enterprise, "followUp" = t."followUp" + EXCLUDED."followUp",
    guided = t.guided + EXCLUDED.guided
$$;

CREATE FUNCTION rollup_reach_add(p_scope text, p_day date, p_unit text, p_kind text, sign int) RETURNS void LANGUAGE sql AS $$
  INSERT INTO rollup_reach_day AS t (scope, day, "orgUnitId", households, enterprises)
  VALUES (p_scope, p_day, p_unit, CASE WHEN p_kind = 'H' THEN sign ELSE 0 END, CASE WHEN p_kind = 'E' THEN sign ELSE 0 END)
  ON CONFLICT (scope, day, "orgUnitId") DO UPDATE SET
    households = t.households + EXCLUDED.households, enterprises = t.enterprises + EXCLUDED.enterprises
$$;

-- Re-derives the first visit of one household/enterprise in one scope (a programme id, or
-- 'Y<year>') from the visit table (a few rows through the householdId/enterpriseId index)
-- and moves the reach count when it changed. The advisory lock serialises two transactions
-- touching the same subject and scope; each statement of a volatile function sees rows
-- committed meanwhile, so the second one counts the first one's visit.
CREATE FUNCTION rollup_reach_refresh(p_scope text, p_kind text, p_subject text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  first date;
  y int;
  unit text;
  cur visit_first_reach%ROWTYPE;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('reach:' || p_scope || ':' || p_subject));
  IF left(p_scope, 1) = 'Y' THEN
    y := substr(p_scope, 2)::int;
    IF p_kind = 'H' THEN
      SELECT min(zj_day(v."visitedAt")) INTO first FROM visit v
      WHERE v."householdId" = p_subject AND zj_day(v."visitedAt") >= make_date(y, 1, 1) AND zj_day(v."visitedAt") < make_date(y + 1, 1, 1);
    ELSE
      SELECT min(zj_day(v."visitedAt")) INTO first FROM visit v
      WHERE v."enterpriseId" = p_subject AND zj_day(v."visitedAt") >= make_date(y, 1, 1) AND zj_day(v."visitedAt") < make_date(y + 1, 1, 1);
    END IF;
  ELSIF p_kind = 'H' THEN
    SELECT min(zj_day(v."visitedAt")) INTO first FROM visit v WHERE v."householdId" = p_subject AND v."programmeId" = p_scope;
  ELSE
    SELECT min(zj_day(v."visitedAt")) INTO first FROM visit v WHERE v."enterpriseId" = p_subject AND v."programmeId" = p_scope;
  END IF;

  SELECT * INTO cur FROM visit_first_reach WHERE scope = p_scope AND "subjectId" = p_subject;
  IF FOUND THEN
    IF first IS NOT NULL AND first = cur."firstDay" THEN
      RETURN;
    END IF;
    PERFORM rollup_reach_add(p_scope, cur."firstDay", cur."orgUnitId", p_kind, -1);
    IF first IS NULL THEN
      DELETE FROM visit_first_reach WHERE scope = p_scope AND "subjectId" = p_subject;
    ELSE
      UPDATE visit_first_reach SET "firstDay" = first WHERE scope = p_scope AND "subjectId" = p_subject;
      PERFORM rollup_reach_add(p_scope, first, cur."orgUnitId", p_kind, 1);
    END IF;
  ELSIF first IS NOT NULL THEN
    IF p_kind = 'H' THEN
      SELECT "orgUnitId" INTO unit FROM household WHERE id = p_subject;
    ELSE
      SELECT "orgUnitId" INTO unit FROM enterprise WHERE id = p_subject;
    END IF;
    INSERT INTO visit_first_reach (scope, "subjectId", "subjectKind", "orgUnitId", "firstDay") VALUES (p_scope, p_subject, p_kind, unit, first);
    PERFORM rollup_reach_add(p_scope, first, unit, p_kind, 1);
  END IF;
END;
$$;

CREATE FUNCTION rollup_visit_reach(r visit) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  year_scope text := 'Y' || extract(year FROM zj_day(r."visitedAt"))::int;
BEGIN
  IF r."householdId" IS NOT NULL THEN
    IF r."programmeId" IS NOT NULL THEN PERFORM rollup_reach_refresh(r."programmeId", 'H', r."householdId"); END IF;
    PERFORM rollup_reach_refresh(year_scope, 'H', r."householdId");
  END IF;
  IF r."enterpriseId" IS NOT NULL THEN
    IF r."programmeId" IS NOT NULL THEN PERFORM rollup_reach_refresh(r."programmeId", 'E', r."enterpriseId"); END IF;
    PERFORM rollup_reach_refresh(year_scope, 'E', r."enterpriseId");
  END IF;
END;
$$;

CREATE FUNCTION rollup_visit_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND
     ROW(OLD."programmeId", OLD."orgUnitId", OLD.kind, OLD."visitedAt", OLD."mentorId", OLD."householdId", OLD."enterpriseId")
       IS NOT DISTINCT FROM ROW(NEW."programmeId", NEW."orgUnitId", NEW.kind, NEW."visitedAt", NEW."mentorId", NEW."householdId", NEW."enterpriseId") THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM rollup_visit_apply(OLD, -1);
    PERFORM rollup_visit_reach(OLD);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM rollup_visit_apply(NEW, 1);
    PERFORM rollup_visit_reach(NEW);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER visit_rollup AFTER INSERT OR UPDATE OR DELETE ON visit FOR EACH ROW EXECUTE FUNCTION rollup_visit_trigger();

-- Problems: raised on the day raised; solved (RESOLVED/CONFIRMED) on the day resolved ------
CREATE FUNCTION rollup_problem_apply(r problem, sign int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_problem_day AS t ("programmeKey", day, "orgUnitId", raised)
  VALUES (COALESCE(r."programmeId", ''), zj_day(r."createdAt"), r."orgUnitId", sign)
  ON CONFLICT ("programmeKey", day, "orgUnitId") DO UPDATE SET raised = t.raised + EXCLUDED.raised;
  IF r.status IN ('RESOLVED', 'CONFIRMED') AND r."resolvedAt" IS NOT NULL THEN
    INSERT INTO rollup_problem_day AS t ("programmeKey", day, "orgUnitId", solved, "solvedDaysSum")
    VALUES (COALESCE(r."programmeId", ''), zj_day(r."resolvedAt"), r."orgUnitId", sign,
            sign * EXTRACT(EPOCH FROM (r."resolvedAt" - r."createdAt"))::float8 / 86400.0)
    ON CONFLICT ("programmeKey", day, "orgUnitId") DO UPDATE SET
      solved = t.solved + EXCLUDED.solved, "solvedDaysSum" = t."solvedDaysSum" + EXCLUDED."solvedDaysSum";
  END IF;
END;
$$;

CREATE FUNCTION rollup_problem_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND
     ROW(OLD."programmeId", OLD."orgUnitId", OLD."createdAt", OLD.status, OLD."resolvedAt")
       IS NOT DISTINCT FROM ROW(NEW."programmeId", NEW."orgUnitId", NEW."createdAt", NEW.status, NEW."resolvedAt") THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM rollup_problem_apply(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM rollup_problem_apply(NEW, 1); END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER problem_rollup AFTER INSERT OR UPDATE OR DELETE ON problem FOR EACH ROW EXECUTE FUNCTION rollup_problem_trigger();

-- Hotline requests, by the day received ------------------------------------------------------
CREATE FUNCTION rollup_request_apply(r service_request, sign int) RETURNS void LANGUAGE sql AS $$
  INSERT INTO rollup_request_day AS t ("programmeId", day, "orgUnitId", received, "acceptMet", "acceptOnTime", "assignMet", "assignOnTime",
                                       "respondMet", "respondOnTime", closed, "satisfactionSum", "satisfactionCount")
  SELECT r."programmeId", zj_day(r."receivedAt"), r."orgUnitId", sign,
         sign * (r."acceptedAt" IS NOT NULL)::int, sign * COALESCE(r."acceptedAt" <= r."acceptDueAt", false)::int,
         sign * (r."assignedAt" IS NOT NULL)::int, sign * COALESCE(r."assignedAt" <= r."assignDueAt", false)::int,
         sign * (r."respondedAt" IS NOT NULL)::int, sign * COALESCE(r."respondedAt" <= r."respondDueAt", false)::int,
         sign * (r."closedAt" IS NOT NULL)::int, sign * COALESCE(r.satisfaction, 0), sign * (r.satisfaction IS NOT NULL)::int
  WHERE r.status <> 'MERGED'
  ON CONFLICT ("programmeId", day, "orgUnitId") DO UPDATE SET
    received = t.received + EXCLUDED.received,
    "acceptMet" = t."acceptMet" + EXCLUDED."acceptMet", "acceptOnTime" = t."acceptOnTime" + EXCLUDED."acceptOnTime",
    "assignMet" = t."assignMet" + EXCLUDED."assignMet", "assignOnTime" = t."assignOnTime" + EXCLUDED."assignOnTime",
    "respondMet" = t."respondMet" + EXCLUDED."respondMet", "respondOnTime" = t."respondOnTime" + EXCLUDED."respondOnTime",
    closed = t.closed + EXCLUDED.closed,
    "satisfactionSum" = t."satisfactionSum" + EXCLUDED."satisfactionSum", "satisfactionCount" = t."satisfactionCount" + EXCLUDED."satisfactionCount"
$$;

CREATE FUNCTION rollup_request_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND
     ROW(OLD."programmeId", OLD."orgUnitId", OLD."receivedAt", OLD.status, OLD."acceptedAt", OLD."acceptDueAt", OLD."assignedAt", OLD."assignDueAt",
         OLD."respondedAt", OLD."respondDueAt", OLD."closedAt", OLD.satisfaction)
       IS NOT DISTINCT FROM
     ROW(NEW."programmeId", NEW."orgUnitId", NEW."receivedAt", NEW.status, NEW."acceptedAt", NEW."acceptDueAt", NEW."assignedAt", NEW."assignDueAt",
         NEW."respondedAt", NEW."respondDueAt", NEW."closedAt", NEW.satisfaction) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM rollup_request_apply(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM rollup_request_apply(NEW, 1); END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER service_request_rollup AFTER INSERT OR UPDATE OR DELETE ON service_request FOR EACH ROW EXECUTE FUNCTION rollup_request_trigger();

-- Points ledger (append-only: INSERT is the only event) -------------------------------------
-- A reversal counts against what it reverses: a reversed redemption lowers "redeemed", a
-- reversed grant lowers "granted". Without reversesSeq, a redemptionId marks a redemption's.
CREATE FUNCTION rollup_points_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target_kind text := NEW.kind::text;
  item_id text := NEW."itemId";
  redemption_id text := NEW."redemptionId";
  programme text;
  unit text;
  rv point_ledger_entry%ROWTYPE;
BEGIN
  IF NEW.kind = 'REVERSAL' THEN
    IF NEW."reversesSeq" IS NOT NULL THEN
      SELECT * INTO rv FROM point_ledger_entry WHERE seq = NEW."reversesSeq";
      target_kind := rv.kind::text;
      item_id := COALESCE(item_id, rv."itemId");
      redemption_id := COALESCE(redemption_id, rv."redemptionId");
    ELSE
      target_kind := CASE WHEN NEW."redemptionId" IS NOT NULL THEN 'REDEMPTION' ELSE 'GRANT' END;
    END IF;
  END IF;
  SELECT COALESCE((SELECT "programmeId" FROM point_item WHERE id = item_id),
                  (SELECT pr."programmeId" FROM redemption d JOIN point_resource pr ON pr.id = d."resourceId" WHERE d.id = redemption_id), '')
    INTO programme;
  SELECT "orgUnitId" INTO unit FROM point_account WHERE id = NEW."accountId";
  INSERT INTO rollup_points_day AS t ("programmeKey", day, "orgUnitId", granted, redeemed, expired, entries, redemptions)
  VALUES (programme, zj_day(NEW.at), unit,
          CASE WHEN target_kind = 'GRANT' THEN NEW.points ELSE 0 END,
          CASE WHEN target_kind = 'REDEMPTION' THEN -NEW.points ELSE 0 END,
          CASE WHEN NEW.kind = 'EXPIRY' THEN -NEW.points ELSE 0 END,
          1,
          CASE WHEN NEW.kind = 'REDEMPTION' THEN 1 WHEN target_kind = 'REDEMPTION' THEN -1 ELSE 0 END)
  ON CONFLICT ("programmeKey", day, "orgUnitId") DO UPDATE SET
    granted = t.granted + EXCLUDED.granted, redeemed = t.redeemed + EXCLUDED.redeemed, expired = t.expired + EXCLUDED.expired,
    entries = t.entries + EXCLUDED.entries, redemptions = t.redemptions + EXCLUDED.redemptions;
  RETURN NULL;
END;
$$;
CREATE TRIGGER point_ledger_rollup AFTER INSERT ON point_ledger_entry FOR EACH ROW EXECUTE FUNCTION rollup_points_trigger();

-- Registers: active households/enterprises per unit; a move carries its reach counts along --
CREATE FUNCTION rollup_register_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  is_household boolean := TG_TABLE_NAME = 'household';
  rec visit_first_reach%ROWTYPE;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.active THEN
    INSERT INTO rollup_register_unit AS t ("orgUnitId", households, enterprises)
    VALUES (OLD."orgUnitId", CASE WHEN is_household THEN -1 ELSE 0 END, CASE WHEN is_household THEN 0 ELSE -1 END)
    ON CONFLICT ("orgUnitId") DO UPDATE SET households = t.households + EXCLUDED.households, enterprises = t.enterprises + EXCLUDED.enterprises;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.active THEN
    INSERT INTO rollup_register_unit AS t ("orgUnitId", households, enterprises)
    VALUES (NEW."orgUnitId", CASE WHEN is_household THEN 1 ELSE 0 END, CASE WHEN is_household THEN 0 ELSE 1 END)
    ON CONFLICT ("orgUnitId") DO UPDATE SET households = t.households + EXCLUDED.households, enterprises = t.enterprises + EXCLUDED.enterprises;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."orgUnitId" <> NEW."orgUnitId" THEN
    FOR rec IN SELECT * FROM visit_first_reach WHERE "subjectId" = NEW.id FOR UPDATE LOOP
      PERFORM rollup_reach_add(rec.scope, rec."firstDay", rec."orgUnitId", rec."subjectKind", -1);
      PERFORM rollup_reach_add(rec.scope, rec."firstDay", NEW."orgUnitId", rec."subjectKind", 1);
    END LOOP;
    UPDATE visit_first_reach SET "orgUnitId" = NEW."orgUnitId" WHERE "subjectId" = NEW.id;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER household_rollup AFTER INSERT OR DELETE OR UPDATE OF active, "orgUnitId" ON household FOR EACH ROW EXECUTE FUNCTION rollup_register_trigger();
CREATE TRIGGER enterprise_rollup AFTER INSERT OR DELETE OR UPDATE OF active, "orgUnitId" ON enterprise FOR EACH ROW EXECUTE FUNCTION rollup_register_trigger();

-- Full rebuild, set-based from the base tables --------------------------------------------
CREATE FUNCTION dashboard_rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE rollup_visit_day, visit_first_reach, rollup_reach_day, rollup_problem_day, rollup_request_day, rollup_points_day, rollup_register_unit;

  INSERT INTO rollup_visit_day ("programmeKey", day, "orgUnitId", visits, household, enterprise, "followUp", guided)
  SELECT COALESCE("programmeId", ''), zj_day("visitedAt"), "orgUnitId", count(*),
         count(*) FILTER (WHERE kind = 'HOUSEHOLD'), count(*) FILTER (WHERE kind = 'ENTERPRISE'),
         count(*) FILTER (WHERE kind = 'FOLLOW_UP'), count(*) FILTER (WHERE "mentorId" IS NOT NULL)
  FROM visit GROUP BY 1, 2, 3;

  INSERT INTO visit_first_reach (scope, "subjectId", "subjectKind", "orgUnitId", "firstDay")
  SELECT s.scope, s.sid, s.k, COALESCE(h."orgUnitId", e."orgUnitId"), s.d
  FROM (
    SELECT "programmeId" AS scope, "householdId" AS sid, 'H' AS k, min(zj_day("visitedAt")) AS d FROM visit
    WHERE "programmeId" IS NOT NULL AND "householdId" IS NOT NULL GROUP BY 1, 2
    UNION ALL
    SELECT 'Y' || extract(year FROM zj_day("visitedAt"))::int, "householdId", 'H', min(zj_day("visitedAt")) FROM visit
    WHERE "householdId" IS NOT NULL GROUP BY 1, 2
    UNION ALL
    SELECT "programmeId", "enterpriseId", 'E', min(zj_day("visitedAt")) FROM visit
    WHERE "programmeId" IS NOT NULL AND "enterpriseId" IS NOT NULL GROUP BY 1, 2
    UNION ALL
    SELECT 'Y' || extract(year FROM zj_day("visitedAt"))::int, "enterpriseId", 'E', min(zj_day("visitedAt")) FROM visit
    WHERE "enterpriseId" IS NOT NULL GROUP BY 1, 2
  ) s
  LEFT JOIN household h ON s.k = 'H' AND h.id = s.sid
  LEFT JOIN enterprise e ON s.k = 'E' AND e.id = s.sid;

  INSERT INTO rollup_reach_day (scope, day, "orgUnitId", households, enterprises)
  SELECT scope, "firstDay", "orgUnitId", count(*) FILTER (WHERE "subjectKind" = 'H'), count(*) FILTER (WHERE "subjectKind" = 'E')
  FROM visit_first_reach GROUP BY 1, 2, 3;

  INSERT INTO rollup_problem_day ("programmeKey", day, "orgUnitId", raised, solved, "solvedDaysSum")
  SELECT k, d, u, sum(raised), sum(solved), sum(days) FROM (
    SELECT COALESCE("programmeId", '') AS k, zj_day("createdAt") AS d, "orgUnitId" AS u, 1 AS raised, 0 AS solved, 0::float8 AS days FROM problem
    UNION ALL
    SELECT COALESCE("programmeId", ''), zj_day("resolvedAt"), "orgUnitId", 0, 1, EXTRACT(EPOCH FROM ("resolvedAt" - "createdAt"))::float8 / 86400.0 FROM problem
    WHERE status IN ('RESOLVED', 'CONFIRMED') AND "resolvedAt" IS NOT NULL
  ) p GROUP BY 1, 2, 3;

  INSERT INTO rollup_request_day ("programmeId", day, "orgUnitId", received, "acceptMet", "acceptOnTime", "assignMet", "assignOnTime",
                                  "respondMet", "respondOnTime", closed, "satisfactionSum", "satisfactionCount")
  SELECT "programmeId", zj_day("receivedAt"), "orgUnitId", count(*),
         count("acceptedAt"), count(*) FILTER (WHERE "acceptedAt" <= "acceptDueAt"),
         count("assignedAt"), count(*) FILTER (WHERE "assignedAt" <= "assignDueAt"),
         count("respondedAt"), count(*) FILTER (WHERE "respondedAt" <= "respondDueAt"),
         count("closedAt"), COALESCE(sum(satisfaction), 0), count(satisfaction)
  FROM service_request WHERE status <> 'MERGED' GROUP BY 1, 2, 3;

  INSERT INTO rollup_points_day ("programmeKey", day, "orgUnitId", granted, redeemed, expired, entries, redemptions)
  SELECT programme, zj_day(at), unit,
         COALESCE(sum(points) FILTER (WHERE target = 'GRANT'), 0),
         COALESCE(-sum(points) FILTER (WHERE target = 'REDEMPTION'), 0),
         COALESCE(-sum(points) FILTER (WHERE kind = 'EXPIRY'), 0),
         count(*),
         count(*) FILTER (WHERE kind = 'REDEMPTION') - count(*) FILTER (WHERE kind = 'REVERSAL' AND target = 'REDEMPTION')
  FROM (
    SELECT l.at, l.points, l.kind::text AS kind, a."orgUnitId" AS unit,
           CASE WHEN l.kind <> 'REVERSAL' THEN l.kind::text
                WHEN rv.seq IS NOT NULL THEN rv.kind::text
                WHEN l."redemptionId" IS NOT NULL THEN 'REDEMPTION' ELSE 'GRANT' END AS target,
           COALESCE(i."programmeId", pr."programmeId", '') AS programme
    FROM point_ledger_entry l
    JOIN point_account a ON a.id = l."accountId"
    LEFT JOIN point_ledger_entry rv ON rv.seq = l."reversesSeq"
    LEFT JOIN point_item i ON i.id = COALESCE(l."itemId", rv."itemId")
    LEFT JOIN redemption d ON d.id = COALESCE(l."redemptionId", rv."redemptionId")
    LEFT JOIN point_resource pr ON pr.id = d."resourceId"
  ) x GROUP BY 1, 2, 3;

  INSERT INTO rollup_register_unit ("orgUnitId", households, enterprises)
  SELECT u, sum(h), sum(e) FROM (
    SELECT "orgUnitId" AS u, 1 AS h, 0 AS e FROM household WHERE active
    UNION ALL
    SELECT "orgUnitId", 0, 1 FROM enterprise WHERE active
  ) r GROUP BY 1;
END;
$$;

-- Existing records (the demo seed, a live database) are rolled up once here.
SELECT dashboard_rollups_rebuild();
