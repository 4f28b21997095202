import fs from "node:fs/promises";
import path from "node:path";
import type { CustomFieldRule } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { inWorkspace } from "../../db/workspace-transaction.js";
import { defineJob, type JobQueue } from "../../platform/jobs/index.js";
import { loadCustomFieldRules } from "../custom-fields/index.js";
import { prepareChunk, processChunk, type ChunkRow, type CompanyCache, type ImportSettings, type PreparedChunk } from "./imports.chunk.js";
import { detectFileFormat, readRecords, type ReadSettings } from "./imports.formats.js";
import * as repository from "./imports.repository.js";
import { buildRowPlan } from "./imports.rows.js";

export interface ImportJobData {
  workspaceId: string;
  importId: string;
}

export const importJob = defineJob<ImportJobData>("customer-import");

export interface ImportRunOptions {
  /** Where uploaded files are kept: PILLAR_DATA_DIR/imports. */
  directory: string;
  /** Rows per transaction (each chunk commits with the import's counters). */
  chunkSize?: number;
  /** Tests: called after each committed chunk. */
  afterChunk?: (importId: string, processed: number) => Promise<void> | void;
}

export const importFilePath = (directory: string, workspaceId: string, importId: string) => path.join(directory, workspaceId, `${importId}.csv`);

/** Another run of the same import committed first: this one stops and leaves the rest to it. */
class Superseded extends Error {}

function customDefaults(rules: CustomFieldRule[]): Record<string, unknown> {
  return Object.fromEntries(rules.filter((rule) => !rule.archived && rule.default !== undefined && rule.default !== null).map((rule) => [rule.key, rule.default]));
}

/** Data rows of the file (after the header), counted without holding them. */
async function countRows(file: string, settings: ReadSettings): Promise<number> {
  let count = -1;
  for await (const _record of readRecords(file, settings)) count += 1;
  return Math.max(count, 0);
}

/**
 * Runs (or resumes) one import: the file is parsed as a stream and written in chunks, each in one
 * transaction with the import's counters, so after a crash `processed` rows are committed and
 * the rest is read again from the file, skipping those. Rows that fail are kept with their reason.
 */
export async function runImport(db: Database, data: ImportJobData, options: ImportRunOptions): Promise<void> {
  const { workspaceId, importId } = data;
  const chunkSize = options.chunkSize ?? 5000;
  const row = await inWorkspace(db, workspaceId, (tx) => repository.findImport(tx, workspaceId, importId));
  if (!row || (row.status !== "queued" && row.status !== "running")) return;
  const file = importFilePath(options.directory, workspaceId, importId);

  try {
    await fs.access(file);
  } catch {
    await finish(db, data, "failed", "The uploaded file is no longer there; start the import again.");
    return;
  }

  try {
    // The format is told again from the stored file's content, as it was at upload.
    const reading: ReadSettings = { format: await detectFileFormat(file), encoding: row.encoding, delimiter: row.delimiter };
    // Rows are counted (for the progress bar) while the import runs, not before it starts.
    const counting =
      row.total === null
        ? countRows(file, reading).then((total) => inWorkspace(db, workspaceId, (tx) => repository.updateImport(tx, workspaceId, importId, { total })))
        : Promise.resolve();
    // Its failure is handled where it is awaited, before the import is called done.
    counting.catch(() => {});
    const rules = await inWorkspace(db, workspaceId, async (tx) => {
      await repository.updateImport(tx, workspaceId, importId, { status: "running" });
      return loadCustomFieldRules(tx, workspaceId, row.object);
    });
    const settings: ImportSettings = {
      object: row.object,
      onDuplicate: row.onDuplicate,
      matchOn: row.matchOn,
      role: row.actorRole,
      apiKeyId: row.actorApiKeyId,
      plan: buildRowPlan(row.object, row.headers, row.mapping, rules),
      customDefaults: customDefaults(rules),
    };
    const context = { workspaceId, importId, userId: row.createdBy! };
    const companyCache: CompanyCache = new Map();
    const resumeAfter = row.processed;
    let committed = row.processed;

    const commit = async (prepared: PreparedChunk) => {
      const additions = await inWorkspace(db, workspaceId, async (tx) => {
        const locked = await repository.lockImport(tx, workspaceId, importId);
        if (!locked || locked.status !== "running" || locked.processed !== committed) throw new Superseded();
        const result = await processChunk(tx, context, settings, prepared, companyCache);
        await repository.insertErrors(tx, workspaceId, importId, result.rejected);
        await repository.addCounts(tx, workspaceId, importId, result.counts);
        return result.cacheAdditions;
      });
      for (const [key, id] of additions) companyCache.set(key, id);
      committed += prepared.size;
      await options.afterChunk?.(importId, committed);
    };

    // One chunk commits while the next is read and checked: at most two chunks in memory.
    let inFlight: Promise<void> | undefined;
    const startCommit = async (chunk: ChunkRow[]) => {
      const prepared = await prepareInSlices(settings, chunk);
      await inFlight;
      inFlight = commit(prepared);
      // Its failure is handled where it is awaited (the next chunk, or the end).
      inFlight.catch(() => {});
    };

    let rowNumber = -1;
    let chunk: ChunkRow[] = [];
    for await (const record of readRecords(file, reading)) {
      rowNumber += 1;
      // The header row (already read at upload), then the rows a previous run committed.
      if (rowNumber === 0 || rowNumber <= resumeAfter) continue;
      chunk.push(record.brokenLine !== undefined ? { rowNumber, brokenLine: record.brokenLine } : { rowNumber, values: record.values.map(withoutNul) });
      if (chunk.length >= chunkSize) {
        await startCommit(chunk);
        chunk = [];
      }
    }
    if (chunk.length) await startCommit(chunk);
    await inFlight;
    await counting;
    await finish(db, data, "done", null);
    await fs.rm(file, { force: true });
  } catch (error) {
    if (error instanceof Superseded) return;
    await finish(db, data, "failed", `The import stopped: ${error instanceof Error ? error.message : String(error)}`);
    await fs.rm(file, { force: true });
    throw error;
  }
}

/**
 * prepareChunk a few hundred rows at a time, giving way in between: the previous chunk's commit
 * runs meanwhile, and its database replies are handled at once instead of after the whole chunk.
 */
async function prepareInSlices(settings: ImportSettings, rows: ChunkRow[]): Promise<PreparedChunk> {
  const prepared: PreparedChunk = { size: rows.length, good: [], rejected: [] };
  for (let start = 0; start < rows.length; start += 250) {
    const slice = prepareChunk(settings, rows.slice(start, start + 250));
    prepared.good.push(...slice.good);
    prepared.rejected.push(...slice.rejected);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return prepared;
}

/** Uploads cut off by a stop leave a `.partial` file; one a day old belongs to no request any more. */
async function removeAbandonedUploads(directory: string) {
  const names = await fs.readdir(directory).catch(() => [] as string[]);
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of names.filter((entry) => entry.endsWith(".partial"))) {
    const file = path.join(directory, name);
    const stat = await fs.stat(file).catch(() => undefined);
    if (stat && stat.mtimeMs < dayAgo) await fs.rm(file, { force: true });
  }
}

/** PostgreSQL text cannot hold U+0000; a NUL in a cell is dropped rather than failing the chunk. */
const withoutNul = (value: string) => (value.includes("\u0000") ? value.replaceAll("\u0000", "") : value);

async function finish(db: Database, { workspaceId, importId }: ImportJobData, status: "done" | "failed", error: string | null) {
  await inWorkspace(db, workspaceId, (tx) => repository.updateImport(tx, workspaceId, importId, { status, error, finishedAt: new Date() }));
}

/**
 * Registers the import worker and re-queues imports that a stop or crash interrupted; each resumes
 * after its last committed chunk. A queued job of the same import that runs too finds nothing to do.
 */
export async function registerImportWorker(jobs: JobQueue, db: Database, options: ImportRunOptions) {
  await removeAbandonedUploads(options.directory);
  await jobs.work(importJob, (data) => runImport(db, data, options), { pollingIntervalSeconds: 0.5 });
  for (const unfinished of await repository.unfinishedImports(db)) {
    await jobs.send(importJob, { workspaceId: unfinished.workspaceId, importId: unfinished.id }, { retryLimit: 0 });
  }
}
