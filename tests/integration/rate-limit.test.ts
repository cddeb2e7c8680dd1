// Token-bucket rate limits (lib/hotline/rate-limit.ts) against real PostgreSQL, at exact
// instants passed as the `now` parameter: no cliff at the top of the hour, tokens come back one
// interval at a time, and concurrent hits never take more than the limit. The instants are
// derived from the clock (never literal dates), so the file means the same on any day.
import { afterEach, describe, expect, it } from "vitest";
import { now, pinClock, unpinClock } from "@/lib/platform/clock";
import { exhausted, hit } from "@/lib/hotline/rate-limit";
import { type Limit, PUBLIC_INTAKE_PER_IP, PUBLIC_INTAKE_PER_PHONE, PUBLIC_LOOKUP_FAILURES_PER_IP } from "@/lib/hotline/rate-limit-policy";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
/** The next top of the hour after the clock's now (a Shanghai hour too: UTC+8 has whole hours). */
const nextTopOfHour = () => new Date(Math.ceil((now().getTime() + 1) / HOUR) * HOUR);

let seq = 0;
const subject = () => `10.77.0.${++seq}`;

async function hits(limit: Limit, who: string, instant: Date, n: number): Promise<boolean[]> {
  const results: boolean[] = [];
  for (let i = 0; i < n; i++) results.push(await hit(limit, who, instant));
  return results;
}

afterEach(() => unpinClock());

describe("token-bucket rate limits", () => {
  it("allows 5 an hour from one address and refuses the 6th", async () => {
    const t0 = now();
    const ip = subject();
    expect(await exhausted(PUBLIC_INTAKE_PER_IP, ip, t0)).toBe(false);
    expect(await hits(PUBLIC_INTAKE_PER_IP, ip, t0, 5)).toEqual([true, true, true, true, true]);
    expect(await exhausted(PUBLIC_INTAKE_PER_IP, ip, t0)).toBe(true);
    expect(await hit(PUBLIC_INTAKE_PER_IP, ip, at(t0, 1000))).toBe(false);
    // Another address has its own bucket.
    expect(await hit(PUBLIC_INTAKE_PER_IP, subject(), t0)).toBe(true);
  });

  it("does not reset at the top of the hour", async () => {
    const top = nextTopOfHour();
    const ip = subject();
    // A fixed hourly window let all six of these through (three before, three after the hour).
    expect(await hits(PUBLIC_INTAKE_PER_IP, ip, at(top, -1000), 3)).toEqual([true, true, true]);
    expect(await hits(PUBLIC_INTAKE_PER_IP, ip, top, 3)).toEqual([true, true, false]);

    const other = subject();
    expect(await hits(PUBLIC_INTAKE_PER_IP, other, at(top, -1000), 5)).toEqual([true, true, true, true, true]);
    expect(await hit(PUBLIC_INTAKE_PER_IP, other, top)).toBe(false);
    expect(await exhausted(PUBLIC_INTAKE_PER_IP, other, at(top, 1000))).toBe(true);
  });

  it("gives tokens back gradually: one every 12 minutes for 5 an hour, never more than 5", async () => {
    const t0 = now();
    const ip = subject();
    await hits(PUBLIC_INTAKE_PER_IP, ip, t0, 5);
    expect(await hit(PUBLIC_INTAKE_PER_IP, ip, at(t0, 12 * MINUTE - 1000))).toBe(false);
    expect(await exhausted(PUBLIC_INTAKE_PER_IP, ip, at(t0, 12 * MINUTE))).toBe(false);
    expect(await hits(PUBLIC_INTAKE_PER_IP, ip, at(t0, 12 * MINUTE), 2)).toEqual([true, false]);
    expect(await hits(PUBLIC_INTAKE_PER_IP, ip, at(t0, 36 * MINUTE), 3)).toEqual([true, true, false]);
    // Idle for longer than the window: a full bucket again, but not a bigger one.
    expect(await hits(PUBLIC_INTAKE_PER_IP, ip, at(t0, 3 * HOUR), 6)).toEqual([true, true, true, true, true, false]);
  });

  it("refused hits take nothing: hammering does not push the next token further away", async () => {
    const t0 = now();
    const ip = subject();
    await hits(PUBLIC_INTAKE_PER_IP, ip, t0, 5);
    for (let s = 1; s <= 30; s++) expect(await hit(PUBLIC_INTAKE_PER_IP, ip, at(t0, s * 1000))).toBe(false);
    expect(await hit(PUBLIC_INTAKE_PER_IP, ip, at(t0, 12 * MINUTE))).toBe(true);
  });

  it("3 a day for one phone number, one back every 8 hours", async () => {
    const t0 = now();
    const phone = `1390077${String(++seq).padStart(4, "0")}`;
    expect(await hits(PUBLIC_INTAKE_PER_PHONE, phone, t0, 4)).toEqual([true, true, true, false]);
    expect(await hit(PUBLIC_INTAKE_PER_PHONE, phone, at(t0, 8 * HOUR - 1000))).toBe(false);
    expect(await hit(PUBLIC_INTAKE_PER_PHONE, phone, at(t0, 8 * HOUR))).toBe(true);
  });

  it("concurrent hits allow exactly the limit, on a new key and on an existing one", async () => {
    const t0 = now();
    const fresh = subject();
    const first = await Promise.all(Array.from({ length: 20 }, () => hit(PUBLIC_INTAKE_PER_IP, fresh, t0)));
    expect(first.filter(Boolean)).toHaveLength(PUBLIC_INTAKE_PER_IP.max);

    const existing = subject();
    expect(await hit(PUBLIC_LOOKUP_FAILURES_PER_IP, existing, t0)).toBe(true);
    const burst = await Promise.all(Array.from({ length: 30 }, () => hit(PUBLIC_LOOKUP_FAILURES_PER_IP, existing, t0)));
    expect(burst.filter(Boolean)).toHaveLength(PUBLIC_LOOKUP_FAILURES_PER_IP.max - 1);
  });

  it("reads the one clock when no instant is given", async () => {
    const t0 = nextTopOfHour();
    const ip = subject();
    pinClock(at(t0, -1000));
    expect(await hits(PUBLIC_INTAKE_PER_IP, ip, now(), 5)).toEqual([true, true, true, true, true]);
    pinClock(t0);
    expect(await hit(PUBLIC_INTAKE_PER_IP, ip)).toBe(false);
    expect(await exhausted(PUBLIC_INTAKE_PER_IP, ip)).toBe(true);
    pinClock(at(t0, 12 * MINUTE));
    expect(await hit(PUBLIC_INTAKE_PER_IP, ip)).toBe(true);
  });
});
