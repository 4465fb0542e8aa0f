/**
 * State shared between app processes (ADR 0019): the throttles and the leases
 * of the background jobs are rows, so several processes on one database have
 * one sign-in limit and run the daily refresh once. The other processes are
 * real ones (tests/processes/child.ts) on this test's database file.
 */
import { afterEach, describe, expect, it } from "vitest";
import { action as loginAction } from "#app/routes/auth/login";
import { prisma } from "#app/utils/db.server";
import { acquireLease, LeasedJob, releaseLease } from "#app/utils/lease.server";
import { FailureWindow, TokenBucket } from "#app/utils/rate-limit.server";
import { createSchoolWithCase, createTutor, TEST_PASSWORD } from "../factories";
import { type Child, killAll, startChild } from "../utils/processes";
import { call } from "../utils/route";

const children: Child[] = [];
const child = (...args: string[]) => {
  const started = startChild(args);
  children.push(started);
  return started;
};
afterEach(() => killAll(children.splice(0)));

describe("throttles in the database", () => {
  it("counts failures in a sliding window and forgets them after it", async () => {
    const window = new FailureWindow(`test-${Date.now()}`, 3, 60_000);
    for (const t of [0, 1_000, 2_000]) await window.fail("a@x.edu", t);
    expect(await window.retryAfter("a@x.edu", 3_000)).toBe(57_000);
    expect(await window.retryAfter("a@x.edu", 60_000)).toBe(0);
    expect(await window.retryAfter("b@x.edu", 3_000)).toBe(0);
    await window.reset("a@x.edu");
    expect(await window.retryAfter("a@x.edu", 3_000)).toBe(0);
  });

  it("keeps only the keys that still limit something", async () => {
    const window = new FailureWindow(`test-${Date.now()}`, 5, 60_000);
    for (let i = 0; i < 50; i += 1) await window.fail(`user${i}@x.edu`, i * 10_000);
    await window.sweep(500_000);
    // Failures at 450 s and 490 s are inside the minute before 500 s; the rest are gone.
    expect(await window.size()).toBe(5);
    const bucket = new TokenBucket(`test-${Date.now()}`, 2, 1);
    for (let i = 0; i < 10; i += 1) await bucket.consume(`10.0.0.${i}`, i * 1_000);
    await bucket.sweep(10_000);
    // A bucket of two refilling one a second is full two seconds after its last take: only 9 s's is kept.
    expect(await bucket.size()).toBe(1);
  });

  it("refuses once the bucket is empty, refills over time, and never refills backwards", async () => {
    const bucket = new TokenBucket(`test-${Date.now()}`, 2, 1);
    expect(await bucket.consume("1.2.3.4", 10_000)).toBe(true);
    expect(await bucket.consume("1.2.3.4", 10_000)).toBe(true);
    expect(await bucket.consume("1.2.3.4", 10_000)).toBe(false);
    // A clock behind the last take (another machine's) gets nothing.
    expect(await bucket.consume("1.2.3.4", 5_000)).toBe(false);
    expect(await bucket.consume("1.2.3.4", 11_000)).toBe(true);
  });

  it("two processes share one account's sign-in limit: the sixth wrong password waits, whichever process gets it", async () => {
    const user = await createTutor();
    const first = child("sign-in", user.email, "not the password", "3");
    expect((await first.waitFor((m) => "statuses" in m)).statuses).toEqual([400, 400, 400]);
    const second = child("sign-in", user.email, "not the password", "3");
    // One limit of five: the other process's three count here.
    expect((await second.waitFor((m) => "statuses" in m)).statuses).toEqual([400, 400, 429]);
    // And in this process, a third: even the right password waits.
    const right = await call(loginAction, { userId: null, path: "/login", form: { email: user.email, password: TEST_PASSWORD } });
    expect(right.status).toBe(429);
  }, 180_000);

  it("two processes taking from one address's bucket at once get twenty tokens between them, not twenty each", async () => {
    const now = String(Date.now());
    const address = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const [a, b] = [child("take", address, "15", now), child("take", address, "15", now)];
    const [ga, gb] = await Promise.all([a.waitFor((m) => "granted" in m), b.waitFor((m) => "granted" in m)]);
    expect(Number(ga.granted) + Number(gb.granted)).toBe(20);
  }, 180_000);
});

describe("leases", () => {
  it("go to one holder at a time, renew for their holder, and pass on once expired or released", async () => {
    expect(await acquireLease("job", "a", 1_000, 0)).toBe(true);
    expect(await acquireLease("job", "b", 1_000, 500)).toBe(false);
    expect(await acquireLease("job", "a", 1_000, 900)).toBe(true); // renewed until 1,900
    expect(await acquireLease("job", "b", 1_000, 1_500)).toBe(false);
    expect(await acquireLease("job", "b", 1_000, 1_900)).toBe(true); // expired: taken over
    expect(await acquireLease("job", "a", 1_000, 2_000)).toBe(false);
    await releaseLease("job", "a"); // not a's any more: changes nothing
    expect(await acquireLease("job", "a", 1_000, 2_100)).toBe(false);
    await releaseLease("job", "b");
    expect(await acquireLease("job", "a", 1_000, 2_200)).toBe(true);
  });

  it("run a job in the holding process only, and give the lease up when stopped", async () => {
    const runs: string[] = [];
    const job = (holder: string) =>
      new LeasedJob({
        name: "in-process",
        everyMs: 1_000,
        ttlMs: 3_000,
        holder,
        run: async () => {
          runs.push(holder);
        },
      });
    const [a, b] = [job("a"), job("b")];
    await a.tick(0);
    await b.tick(0);
    await a.tick(500); // not due yet
    await a.tick(1_000);
    await b.tick(1_000);
    expect(runs).toEqual(["a", "a"]);
    await a.stop();
    await b.tick(2_000); // released: b takes it over when it next asks, and runs
    expect(runs).toEqual(["a", "a", "b"]);
    await b.stop();
  });

  it("two processes never both run the daily refresh; when the holder is killed, the other takes over", async () => {
    await createSchoolWithCase();
    await createSchoolWithCase();
    await prisma.retakeCase.updateMany({ data: { derivedAt: null } });
    // Long enough that a busy test machine does not stall the holder past it.
    const ttlMs = 4_000;
    const a = child("refresh", String(ttlMs));
    const b = child("refresh", String(ttlMs));
    // Whichever took the lease refreshed the stale cases; once both are ticking, give the other several ticks to (wrongly) run too.
    const firstEnd = await Promise.race([a.waitFor((m) => m.run === "end"), b.waitFor((m) => m.run === "end")]);
    expect(Number(firstEnd.cases)).toBeGreaterThanOrEqual(2);
    await Promise.all([a.waitFor((m) => m.ticking === true), b.waitFor((m) => m.ticking === true)]);
    await new Promise((resolve) => setTimeout(resolve, ttlMs * 2));
    const holder = firstEnd.pid === a.pid ? a : b;
    const other = holder === a ? b : a;
    expect(other.messages.filter((m) => m.run)).toEqual([]);
    expect(holder.messages.filter((m) => m.run === "start")).toHaveLength(1);
    const lease = await prisma.lease.findUniqueOrThrow({ where: { name: "daily-refresh" } });
    expect(lease.holder).toContain(`:${holder.pid}:`);

    // Killed without a chance to give the lease up: the other process takes it once it expires, and runs the job.
    holder.process.kill("SIGKILL");
    await holder.exited;
    const killedAt = Date.now();
    const takeover = await other.waitFor((m) => m.run === "end", ttlMs * 5);
    expect(Number(takeover.at) - killedAt).toBeLessThan(ttlMs * 3);
    expect((await prisma.lease.findUniqueOrThrow({ where: { name: "daily-refresh" } })).holder).toContain(`:${other.pid}:`);
  }, 180_000);
});
