-- Services delivered on visits (服务清单, visit_service rows) counted in rollup_visit_day, on the
-- visit's programme, day and unit, so dashboards and campaign figures can show them.
ALTER TABLE "rollup_visit_day" ADD COLUMN "services" INTEGER NOT NULL DEFAULT 0;

-- ───────────── Hand-written: keeping "services" current (docs/decisions/0006) ─────────────
-- The visit's services at the visit's rollup row, times sign. Runs while the services exist.
CREATE FUNCTION rollup_visit_services_apply(r visit, sign int) RETURNS void LANGUAGE sql AS $$
  INSERT INTO rollup_visit_day AS t ("programmeKey", day, "orgUnitId", services)
  SELECT COALESCE(r."programmeId", ''), zj_day(r."visitedAt"), r."orgUnitId", sign * count(*)::int
  FROM visit_service s WHERE s."visitId" = r.id
  HAVING count(*) > 0
  ON CONFLICT ("programmeKey", day, "orgUnitId") DO UPDATE SET services = t.services + EXCLUDED.services
$$;

-- A service added, removed or moved: one count at its visit's row. When the visit itself is
-- being deleted (ON DELETE CASCADE), the visit row is already gone here and visit_services_before_delete
-- has taken the visit's services away, so nothing is done.
CREATE FUNCTION rollup_visit_service_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."visitId" IS NOT DISTINCT FROM NEW."visitId" THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO rollup_visit_day AS t ("programmeKey", day, "orgUnitId", services)
    SELECT COALESCE(v."programmeId", ''), zj_day(v."visitedAt"), v."orgUnitId", -1 FROM visit v WHERE v.id = OLD."visitId"
    ON CONFLICT ("programmeKey", day, "orgUnitId") DO UPDATE SET services = t.services + EXCLUDED.services;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO rollup_visit_day AS t ("programmeKey", day, "orgUnitId", services)
    SELECT COALESCE(v."programmeId", ''), zj_day(v."visitedAt"), v."orgUnitId", 1 FROM visit v WHERE v.id = NEW."visitId"
    ON CONFLICT ("programmeKey", day, "orgUnitId") DO UPDATE SET services = t.services + EXCLUDED.services;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER visit_service_rollup AFTER INSERT OR UPDATE OR DELETE ON visit_service FOR EACH ROW EXECUTE FUNCTION rollup_visit_service_trigger();

-- A visit deleted: its services leave the rollup before the cascade removes them (after it,
-- neither the visit nor its services could be read any more).
CREATE FUNCTION rollup_visit_before_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rollup_visit_services_apply(OLD, -1);
  RETURN OLD;
END;
$$;
CREATE TRIGGER visit_services_before_delete BEFORE DELETE ON visit FOR EACH ROW EXECUTE FUNCTION rollup_visit_before_delete();

-- A visit moved to another programme, day or unit carries its services along.
CREATE OR REPLACE FUNCTION rollup_visit_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
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
  IF TG_OP = 'UPDATE' AND ROW(OLD."programmeId", OLD."orgUnitId", OLD."visitedAt") IS DISTINCT FROM ROW(NEW."programmeId", NEW."orgUnitId", NEW."visitedAt") THEN
    PERFORM rollup_visit_services_apply(OLD, -1);
    PERFORM rollup_visit_services_apply(NEW, 1);
  END IF;
  RETURN NULL;
END;
$$;

-- The rebuild counts services too (same body as before, plus the services column).
CREATE OR REPLACE FUNCTION dashboard_rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE rollup_visit_day, visit_first_reach, rollup_reach_day, rollup_problem_day, rollup_request_day, rollup_points_day, rollup_register_unit;

  INSERT INTO rollup_visit_day ("programmeKey", day, "orgUnitId", visits, household, enterprise, "followUp", guided, services)
  SELECT COALESCE(v."programmeId", ''), zj_day(v."visitedAt"), v."orgUnitId", count(*),
         count(*) FILTER (WHERE v.kind = 'HOUSEHOLD'), count(*) FILTER (WHERE v.kind = 'ENTERPRISE'),
         count(*) FILTER (WHERE v.kind = 'FOLLOW_UP'), count(*) FILTER (WHERE v."mentorId" IS NOT NULL),
         COALESCE(sum(s.n), 0)
  FROM visit v LEFT JOIN (SELECT "visitId", count(*)::int AS n FROM visit_service GROUP BY 1) s ON s."visitId" = v.id
  GROUP BY 1, 2, 3;
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

-- Existing services are counted once here.
SELECT dashboard_rollups_rebuild();
