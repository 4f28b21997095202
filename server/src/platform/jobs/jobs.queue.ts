import PgBoss from "pg-boss";
import type { DatabaseHandle } from "../../db/client.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { queueConnection, transactionExecutor } from "./job-database.js";

declare const dataType: unique symbol;

/** A queue name that carries the type of its jobs' data, so `send` and `work` agree on it. */
export type JobName<Data extends object> = string & { readonly [dataType]?: Data };

/** Names a kind of job: letters, digits, `-` and `_` (pg-boss queue names). */
export function defineJob<Data extends object>(name: string): JobName<Data> {
  if (!/^[a-z0-9][a-z0-9_-]*$/i.test(name)) throw new Error(`job name "${name}" may hold only letters, digits, - and _`);
  return name as JobName<Data>;
}

export interface SendOptions {
  /** Not before this moment (a Date), or this many seconds from now. */
  startAfter?: Date | number;
  /** Send inside this application transaction: the job exists only if the transaction commits. */
  transaction?: Transaction;
  /** At most one queued job with this key per queue at a time (pg-boss singletonKey). */
  singletonKey?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** How long one attempt may run before it counts as failed (default 15 minutes). */
  expireInSeconds?: number;
}

export interface WorkOptions {
  /** How often an idle worker looks for due jobs (default 1 s, at least 0.5 s). */
  pollingIntervalSeconds?: number;
}

export interface JobContext {
  id: string;
  name: string;
}

export interface JobLogger {
  error(details: object, message: string): void;
}

/**
 * The durable job queue: jobs live in PostgreSQL (pg-boss, schema `pgboss`), so a restart loses
 * none and two app instances never run one job twice. A handler that throws is retried.
 */
export interface JobQueue {
  send<Data extends object>(name: JobName<Data>, data: Data, options?: SendOptions): Promise<string | null>;
  /** Runs `handler` for each job of this name, one at a time; creates the queue if needed. */
  work<Data extends object>(name: JobName<Data>, handler: (data: Data, job: JobContext) => Promise<void>, options?: WorkOptions): Promise<void>;
  /** Creates a queue ahead of use: a job can be sent inside a transaction only to a queue that exists. */
  createQueue(name: JobName<object>): Promise<void>;
  /**
   * Sends a job of this name on a cron schedule in UTC, and once right away so a restart misses no
   * run (pg-boss schedule; both only where scheduling is enabled — not in tests, which send jobs themselves).
   */
  schedule<Data extends object>(name: JobName<Data>, cron: string, data: Data): Promise<void>;
  /** Where failures are logged (the app's logger once it exists). */
  setLogger(logger: JobLogger): void;
  /** Stops fetching, waits up to `timeoutMs` for running jobs, and lets go of the database. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface JobQueueOptions {
  /** pg-boss's cron scheduling; off unless a module schedules recurring jobs. */
  isSchedulingEnabled?: boolean;
}

/** Starts pg-boss on the app's database (installing or upgrading its schema) and returns the queue. */
export async function startJobQueue(database: DatabaseHandle, options: JobQueueOptions = {}): Promise<JobQueue> {
  const boss = new PgBoss({
    ...queueConnection(database),
    ...(database.kind === "postgres" ? { max: 4, application_name: "pillar-jobs" } : {}),
    schedule: options.isSchedulingEnabled ?? false,
    // Completed jobs are kept a week for inspection, then archived and deleted by pg-boss.
    retentionDays: 7,
  } as PgBoss.ConstructorOptions);
  let logger: JobLogger = { error: (details, message) => console.error(message, details) };
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
  await boss.start();
  await grantSendingToAppRole(boss);

  const createdQueues = new Set<string>();
  async function createQueue(name: string) {
    if (createdQueues.has(name)) return;
    await boss.createQueue(name);
    createdQueues.add(name);
  }

  return {
    async send(name, data, sendOptions = {}) {
      const { transaction, startAfter, retryDelaySeconds, ...rest } = sendOptions;
      if (transaction) {
        // pg-boss's own connection must not be used mid-transaction (PGlite has only one session).
        if (!createdQueues.has(name)) throw new Error(`queue "${name}" must be created (createQueue or work) before a job is sent inside a transaction`);
      } else {
        await createQueue(name);
      }
      return boss.send(name, data, {
        ...rest,
        ...(retryDelaySeconds === undefined ? {} : { retryDelay: retryDelaySeconds }),
        ...(startAfter === undefined ? {} : { startAfter: startAfter instanceof Date ? startAfter.toISOString() : startAfter }),
        ...(transaction ? { db: transactionExecutor(transaction) } : {}),
      });
    },

    async work(name, handler, workOptions = {}) {
      await createQueue(name);
      await boss.work<Parameters<typeof handler>[0]>(name, { pollingIntervalSeconds: workOptions.pollingIntervalSeconds ?? 1, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) {
          try {
            await handler(job.data, { id: job.id, name: job.name });
          } catch (error) {
            logger.error({ err: error, job: { id: job.id, name: job.name } }, "job failed; pg-boss retries it");
            throw error;
          }
        }
      });
    },

    createQueue,

    async schedule(name, cron, data) {
      await createQueue(name);
      if (!options.isSchedulingEnabled) return;
      await boss.schedule(name, cron, data, { tz: "UTC" });
      await boss.send(name, data, { singletonKey: "start-up" });
    },

    setLogger(next) {
      logger = next;
    },

    async stop(timeoutMs = 10_000) {
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs, close: true });
    },
  };
}

/**
 * Requests run as crm_app (row-level security), and a job sent inside a request's transaction is
 * written on that connection: crm_app may add jobs to existing queues, nothing more. pg-boss
 * itself runs as the login role, which owns its schema; the grants are repeated on every start
 * because pg-boss may add or replace its tables on an upgrade.
 */
async function grantSendingToAppRole(boss: PgBoss) {
  const db = boss.getDb();
  await db.executeSql(
    `DO $$ BEGIN
       IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'crm_app') THEN
         GRANT USAGE ON SCHEMA pgboss TO crm_app;
         GRANT SELECT ON pgboss.queue TO crm_app;
         GRANT INSERT ON pgboss.job TO crm_app;
         GRANT SELECT (id) ON pgboss.job TO crm_app;
       END IF;
     END $$`,
    [],
  );
}
