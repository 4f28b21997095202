import fs from "node:fs";
import path from "node:path";

/**
 * PGlite does not lock its directory, and two processes writing it would corrupt it.
 * A pid lockfile makes the second start fail with a clear message instead.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, "pillar.lock");
  try {
    fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
  } catch {
    const holder = Number(fs.readFileSync(lockPath, "utf8"));
    if (holder && holder !== process.pid && isRunning(holder)) {
      throw new Error(`The data directory ${dataDir} is in use by process ${holder}. Stop it first, or set PILLAR_DATA_DIR to another directory.`);
    }
    fs.writeFileSync(lockPath, String(process.pid));
  }
  return () => fs.rmSync(lockPath, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
