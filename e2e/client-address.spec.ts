// The public hotline's per-address limit against a client that sends a new X-Forwarded-For
// with every submission, on the real `next start`: the e2e server trusts no proxy, so the
// address is the TCP connection's (the hook instrumentation.ts installs records it) and
// rotating the header gains nothing.
//
// The other specs submit from 127.0.0.1, and this one exhausts its address's budget. So it
// connects from 127.0.0.2 instead (on Linux every 127.x address is this machine) through a
// plain TCP relay: to the app, a second client on its own address, with its own bucket.
import net from "node:net";
import { expect, test } from "@playwright/test";
import { PUBLIC_INTAKE_PER_IP } from "../lib/hotline/rate-limit-policy";

const SECOND_CLIENT = "127.0.0.2";

let relay: net.Server;
let relayOrigin: string;

test.beforeAll(async ({ baseURL }) => {
  const app = new URL(baseURL!);
  relay = net.createServer((client) => {
    const upstream = net.connect({ host: app.hostname, port: Number(app.port), localAddress: SECOND_CLIENT });
    client.pipe(upstream).pipe(client);
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  relayOrigin = `http://127.0.0.1:${(relay.address() as net.AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => relay.close(() => resolve()));
});

test("a different X-Forwarded-For on every public submission is still refused once the address's limit is reached", async ({ request }) => {
  const statuses: number[] = [];
  for (let i = 1; i <= PUBLIC_INTAKE_PER_IP.max + 1; i++) {
    // Every attempt counts against the address, valid or not: an empty form is enough (and
    // leaves no request behind for the other specs to find).
    const res = await request.post(`${relayOrigin}/service/submit`, {
      headers: { origin: relayOrigin, "x-forwarded-for": `198.51.100.${i}`, "x-real-ip": `198.51.100.${i}`, "x-request-id": `forged-${i}` },
      data: {},
    });
    statuses.push(res.status());
  }
  expect(statuses).toEqual([...Array(PUBLIC_INTAKE_PER_IP.max).fill(400), 429]);
});
