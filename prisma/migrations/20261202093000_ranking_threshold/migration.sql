-- 赛马 scores against absolute thresholds (docs/decisions/0013-ranking-method.md). Existing
-- weights keep NULL, which means "the default threshold of the indicator's unit".
ALTER TABLE "ranking_weight" ADD COLUMN "threshold" DECIMAL(18,2);
