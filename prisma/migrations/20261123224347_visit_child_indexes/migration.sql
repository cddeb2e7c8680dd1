-- CreateIndex
CREATE INDEX "problem_visitId_idx" ON "problem"("visitId");

-- CreateIndex
CREATE INDEX "service_request_visitId_idx" ON "service_request"("visitId");

-- CreateIndex
CREATE INDEX "visit_photo_visitId_idx" ON "visit_photo"("visitId");

-- CreateIndex
CREATE INDEX "visit_service_visitId_idx" ON "visit_service"("visitId");
