#!/bin/sh
echo "The native Prisma schema engine is not installed; use npm run db:migrate (scripts/db/migrate.ts)." >&2
exit 1
