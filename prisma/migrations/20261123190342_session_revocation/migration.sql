-- CreateTable
CREATE TABLE "revoked_session" (
    "sid" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "revokedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "revoked_session_pkey" PRIMARY KEY ("sid")
);

-- CreateIndex
CREATE INDEX "revoked_session_expiresAt_idx" ON "revoked_session"("expiresAt");
