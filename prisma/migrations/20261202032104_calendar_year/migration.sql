-- CreateTable
CREATE TABLE "calendar_year" (
    "year" INTEGER NOT NULL,
    "confirmedAt" TIMESTAMP(3) NOT NULL,
    "confirmedById" TEXT NOT NULL,

    CONSTRAINT "calendar_year_pkey" PRIMARY KEY ("year")
);

-- AddForeignKey
ALTER TABLE "calendar_year" ADD CONSTRAINT "calendar_year_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
