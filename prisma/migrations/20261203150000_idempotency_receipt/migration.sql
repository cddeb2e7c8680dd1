-- AlterTable
ALTER TABLE "idempotency_key" ADD COLUMN     "receipt" TEXT;
