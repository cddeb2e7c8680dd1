// Throwaway: keeps an embedded PostgreSQL on port 54360 running for migrate.ts development.
import { startEmbeddedPostgres } from "./db/embedded.ts";
const pg = await startEmbeddedPostgres({ dir: ".data/pg-migrate-dev", port: 54360, quiet: true });
console.log("ready", pg.url("postgres"));
process.on("SIGTERM", async () => { await pg.stop(); process.exit(0); });
setInterval(() => {}, 1 << 30);
