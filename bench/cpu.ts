import fs from "node:fs";
import type pg from "pg";

/**
 * CPU time per request, summed over every process doing the work: the load generator (this
 * process), the API server and the PostgreSQL backends of the bench database. Unlike req/s it
 * hardly moves when other jobs load the machine, so it shows what a change saves even then.
 * Read from /proc, so PostgreSQL must run on this machine (otherwise its share reads 0).
 */
export function processCpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
  } catch {
    return 0;
  }
}

/** CPU used so far, per process: a delta counts only processes seen at its end (bench/run.ts). */
export type CpuSample = Map<string, number>;

/** The backends connected to `database` (except the asking one), by pid. */
export async function databaseCpuSample(admin: pg.ClientBase, database: string): Promise<CpuSample> {
  const { rows } = await admin.query<{ pid: number }>("select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [database]);
  return new Map(rows.map((row) => [`postgres ${row.pid}`, processCpuMs(row.pid)]));
}

/**
 * What the processes used between two samples. A backend that started in between counts whole;
 * one that ended in between is missed (idle pool connections closing use next to nothing, but
 * parallel query workers come and go, so search scenarios read low).
 */
export function cpuUsedMs(before: CpuSample, after: CpuSample): number {
  let sum = 0;
  for (const [process, ms] of after) sum += ms - (before.get(process) ?? 0);
  return sum;
}

export const ownCpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
