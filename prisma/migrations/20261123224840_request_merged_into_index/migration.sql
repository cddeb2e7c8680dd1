-- CreateIndex
CREATE INDEX "service_request_mergedIntoId_idx" ON "service_request"("mergedIntoId");
