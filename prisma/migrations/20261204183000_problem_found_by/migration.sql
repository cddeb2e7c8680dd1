-- "Mine" on the problems list and the officer home is "assigned to me or found on my visits".
-- As a join through visit it could use no index across its OR: every officer home read all
-- problems (≈ 400 ms at district scale, twice per page). The visit's officer is kept on the
-- problem instead, by the database, so (assigneeId = me OR foundById = me) is two index scans.

-- AlterTable
ALTER TABLE "problem" ADD COLUMN     "foundById" TEXT;

-- CreateIndex
CREATE INDEX "problem_foundById_status_idx" ON "problem"("foundById", "status");

-- AddForeignKey
ALTER TABLE "problem" ADD CONSTRAINT "problem_foundById_fkey" FOREIGN KEY ("foundById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Kept by the database from the problem's visit, on every write path (forms, the field app's
-- sync, seeds, SQL), and not settable to anything else: a write of the column recomputes it.
-- A visit's officer never changes after it is recorded (lib/visits/mutations.ts).
CREATE FUNCTION set_problem_found_by() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."foundById" := (SELECT v."officerId" FROM visit v WHERE v.id = NEW."visitId");
  RETURN NEW;
END;
$$;
CREATE TRIGGER problem_found_by BEFORE INSERT OR UPDATE OF "visitId", "foundById" ON problem
  FOR EACH ROW EXECUTE FUNCTION set_problem_found_by();

UPDATE problem p SET "foundById" = v."officerId" FROM visit v WHERE v.id = p."visitId";
