import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/**
 * Where attachment bytes live. Keys are made by the app ("<workspace>/<attachment id>"),
 * never from an uploaded file name. Local disk is the default; an S3-compatible store
 * implements the same three calls.
 */
export interface AttachmentStorage {
  put(key: string, content: Readable): Promise<void>;
  /** The stored bytes, or undefined when nothing is stored under the key. */
  get(key: string): Promise<Readable | undefined>;
  /** Deleting a missing key is not an error, so a retried delete is harmless. */
  delete(key: string): Promise<void>;
}

const keyPattern = /^[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

/** Files under one directory (PILLAR_DATA_DIR/attachments by default), one folder per workspace. */
export function createLocalDiskStorage(root: string): AttachmentStorage {
  function fileOf(key: string): string {
    // Keys are app-made UUID pairs; anything else is a bug, and must never become a path.
    if (!keyPattern.test(key)) throw new Error(`not an attachment storage key: ${key}`);
    return path.join(root, key);
  }

  return {
    async put(key, content) {
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Written under a temporary name and renamed, so a failed upload never leaves a half file under the key.
      const partial = `${file}.partial`;
      try {
        await pipeline(content, createWriteStream(partial, { flags: "wx" }));
        await fs.rename(partial, file);
      } catch (error) {
        await fs.rm(partial, { force: true });
        throw error;
      }
    },

    async get(key) {
      const file = fileOf(key);
      try {
        await fs.access(file);
      } catch {
        return undefined;
      }
      return createReadStream(file);
    },

    async delete(key) {
      await fs.rm(fileOf(key), { force: true });
    },
  };
}
