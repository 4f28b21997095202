import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.js";
import { queryRows } from "../../../../test/db.js";
import { eventually } from "../../../../test/eventually.js";
import type { DatabaseHandle } from "../../db/client.js";
import { inWorkspace } from "../../db/workspace-transaction.js";
import { newId } from "../../db/ids.js";
import { defineJob, startJobQueue, type JobQueue } from "./index.js";

let database: DatabaseHandle;
let jobs: JobQueue;

beforeAll(async () => {
  database = await openTestDatabase();
  jobs = await startJobQueue(database);
});
afterAll(async () => {
  await jobs?.stop();
  await database?.close();
});

describe("the job queue", () => {
  it("runs a sent job once, with its data", async () => {
    const echo = defineJob<{ text: string }>("test-echo");
    const seen: string[] = [];
    await jobs.work(echo, async (data) => void seen.push(data.text), { pollingIntervalSeconds: 0.5 });
    await jobs.send(echo, { text: "hello" });
    await eventually(() => (seen.length ? true : undefined));
    expect(seen).toEqual(["hello"]);
  });

  it("holds a job until its start time", async () => {
    const later = defineJob<{ sentAt: number }>("test-later");
    const ranAt: number[] = [];
    await jobs.work(later, async () => void ranAt.push(Date.now()), { pollingIntervalSeconds: 0.5 });
    const sentAt = Date.now();
    await jobs.send(later, { sentAt }, { startAfter: new Date(sentAt + 1_500) });
    await eventually(() => (ranAt.length ? true : undefined));
    expect(ranAt[0] - sentAt).toBeGreaterThanOrEqual(1_400);
  });

  it("retries a job whose handler throws", async () => {
    const flaky = defineJob<{ id: string }>("test-flaky");
    let attempts = 0;
    await jobs.work(
      flaky,
      async () => {
        attempts += 1;
        if (attempts === 1) throw new Error("first attempt fails");
      },
      { pollingIntervalSeconds: 0.5 },
    );
    jobs.setLogger({ error: () => {} });
    await jobs.send(flaky, { id: "x" }, { retryLimit: 2, retryDelaySeconds: 0 });
    await eventually(() => (attempts >= 2 ? true : undefined));
    expect(attempts).toBe(2);
  });

  it("keeps a job sent inside a request transaction only if the transaction commits", async () => {
    const audited = defineJob<{ marker: string }>("test-transactional");
    await jobs.createQueue(audited);
    const workspaceId = newId();
    const committed = `committed-${newId()}`;
    const rolledBack = `rolled-back-${newId()}`;
    // As crm_app, under row-level security, like every request.
    await inWorkspace(database.db, workspaceId, (tx) => jobs.send(audited, { marker: committed }, { transaction: tx }));
    await expect(
      inWorkspace(database.db, workspaceId, async (tx) => {
        await jobs.send(audited, { marker: rolledBack }, { transaction: tx });
        throw new Error("the request fails after sending");
      }),
    ).rejects.toThrow("the request fails");
    const rows = await queryRows<{ marker: string }>(database, sql`select data->>'marker' as marker from pgboss.job where name = ${audited}`);
    expect(rows.map((row) => row.marker)).toEqual([committed]);
  });

  it("refuses to send in a transaction to a queue it has not created", async () => {
    const unknown = defineJob<{ n: number }>("test-not-created");
    await expect(inWorkspace(database.db, newId(), (tx) => jobs.send(unknown, { n: 1 }, { transaction: tx }))).rejects.toThrow(/must be created/);
  });

  it("rejects a name pg-boss could not use", () => {
    expect(() => defineJob("has space")).toThrow(/letters, digits/);
  });
});
