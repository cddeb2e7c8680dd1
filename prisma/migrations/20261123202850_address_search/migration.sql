-- AlterTable
ALTER TABLE "enterprise" ADD COLUMN     "addressBigrams" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "household" ADD COLUMN     "addressBigrams" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "enterprise_addressBigrams_idx" ON "enterprise" USING GIN ("addressBigrams");

-- CreateIndex
CREATE INDEX "household_addressBigrams_idx" ON "household" USING GIN ("addressBigrams");

-- Every distinct two-character substring of a text: the search keys of "contains" queries.
CREATE FUNCTION text_bigrams(value TEXT) RETURNS TEXT[] LANGUAGE sql IMMUTABLE AS $$
  SELECT COALESCE(array_agg(DISTINCT substr(value, i, 2)), ARRAY[]::TEXT[])
  FROM generate_series(1, GREATEST(char_length(value) - 1, 0)) AS i
$$;

-- Kept by the database, so no write path (forms, import, seed, SQL) can leave them stale.
CREATE FUNCTION set_address_bigrams() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."addressBigrams" := text_bigrams(NEW.address);
  RETURN NEW;
END;
$$;
CREATE TRIGGER household_address_bigrams BEFORE INSERT OR UPDATE OF address ON household
  FOR EACH ROW EXECUTE FUNCTION set_address_bigrams();
CREATE TRIGGER enterprise_address_bigrams BEFORE INSERT OR UPDATE OF address ON enterprise
  FOR EACH ROW EXECUTE FUNCTION set_address_bigrams();

UPDATE household SET "addressBigrams" = text_bigrams(address);
UPDATE enterprise SET "addressBigrams" = text_bigrams(address);
