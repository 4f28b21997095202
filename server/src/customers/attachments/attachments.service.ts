import { Transform, type Readable } from "node:stream";
import { can, previewableContentTypes, type Attachment } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import { inWorkspace, type Transaction } from "../../db/workspace-transaction.js";
import { recordAudit } from "../../platform/audit/audit.service.js";
import type { Caller } from "../../platform/auth/caller.js";
import { AppError, forbidden, invalidField, notFound } from "../../platform/http/app-error.js";
import { iso } from "../../platform/http/iso.js";
import { checkContentType, cleanFileName, sniffBytes } from "./attachments.content-type.js";
import * as repository from "./attachments.repository.js";
import type { AttachmentStorage } from "./attachments.storage.js";

/** One part of a multipart upload, as @fastify/multipart yields it (only what is used here). */
export type UploadPart =
  | { type: "file"; fieldname: string; filename: string; mimetype: string; file: Readable & { truncated?: boolean } }
  | { type: "field"; fieldname: string; value: unknown };

/**
 * How attachments learn that an activity exists. Activities are their own module; until it is
 * wired in app.ts, uploads with activityId are refused with 400.
 */
export interface ActivityLookup {
  isLiveActivity(tx: Transaction, workspaceId: string, id: string): Promise<boolean>;
}

const targetFields = ["contactId", "companyId", "activityId"] as const;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toAttachment(row: repository.AttachmentRow): Attachment {
  return {
    id: row.id,
    name: row.name,
    size: row.size,
    contentType: row.contentType,
    isPreviewable: (previewableContentTypes as readonly string[]).includes(row.contentType),
    contactId: row.contactId,
    companyId: row.companyId,
    activityId: row.activityId,
    createdAt: iso(row.createdAt),
    createdBy: row.createdBy,
  };
}

/** The audited view of an attachment: what it is and where, not where its bytes are kept. */
function snapshot(row: repository.AttachmentRow): Record<string, unknown> {
  return { name: row.name, contentType: row.contentType, size: row.size, contactId: row.contactId, companyId: row.companyId, activityId: row.activityId };
}

/** Exactly one target record, as the multipart text fields gave it. */
function parseTarget(fields: Record<string, string>): repository.AttachmentTargetIds {
  for (const name of Object.keys(fields)) {
    if (!(targetFields as readonly string[]).includes(name)) throw invalidField(`body.${name}`, "is not a known field");
  }
  const given = targetFields.filter((name) => fields[name] !== undefined);
  if (given.length !== 1) throw invalidField("body.contactId", "give exactly one of contactId, companyId or activityId");
  const name = given[0];
  if (!uuidPattern.test(fields[name])) throw invalidField(`body.${name}`, "must be a UUID");
  return { [name]: fields[name].toLowerCase() };
}

export function createAttachmentsService({ db, storage, activities }: { db: Database; storage: AttachmentStorage; activities?: ActivityLookup }) {
  async function assertTargetExists(tx: Transaction, workspaceId: string, target: repository.AttachmentTargetIds) {
    // Another workspace's record answers 404 like a missing one, so its existence does not leak.
    if (target.contactId && !(await repository.isLiveContact(tx, workspaceId, target.contactId))) throw notFound("Contact");
    if (target.companyId && !(await repository.isLiveCompany(tx, workspaceId, target.companyId))) throw notFound("Company");
    if (target.activityId) {
      if (!activities) throw invalidField("body.activityId", "attachments on activities are not available yet");
      if (!(await activities.isLiveActivity(tx, workspaceId, target.activityId))) throw notFound("Activity");
    }
  }

  /** Streams the one file into storage, keeping its first bytes for the type check and counting its size. */
  async function receiveFile(key: string, part: Extract<UploadPart, { type: "file" }>) {
    const chunks: Buffer[] = [];
    let headLength = 0;
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (headLength < sniffBytes) {
          chunks.push(chunk);
          headLength += chunk.length;
        }
        done(null, chunk);
      },
    });
    // pipe() does not pass errors on; a broken upload must fail the write, not leave it waiting.
    part.file.on("error", (error) => counter.destroy(error));
    await storage.put(key, part.file.pipe(counter));
    return { head: Buffer.concat(chunks).subarray(0, sniffBytes), size, isTruncated: part.file.truncated === true };
  }

  async function load(tx: Transaction, caller: Caller, id: string) {
    const row = await repository.findAttachment(tx, caller.workspaceId, id);
    if (!row) throw notFound("Attachment");
    return row;
  }

  return {
    /**
     * Stores the upload first (its fields may come before or after the file), then checks it and
     * writes its row; any refusal deletes the stored bytes, so nothing is left half-written.
     */
    async upload(caller: Caller, parts: AsyncIterable<UploadPart>, maxBytes: number): Promise<Attachment> {
      const id = newId();
      const storageKey = `${caller.workspaceId}/${id}`;
      let received: { name: string; declaredType: string; head: Buffer; size: number } | undefined;
      try {
        const fields: Record<string, string> = {};
        for await (const part of parts) {
          if (part.type === "field") {
            fields[part.fieldname] = String(part.value);
            continue;
          }
          if (part.fieldname !== "file" || received) {
            part.file.resume();
            throw invalidField(`body.${part.fieldname}`, "send one file, in the field named file");
          }
          const file = await receiveFile(storageKey, part);
          if (file.isTruncated) throw new AppError(413, "Payload Too Large", `The file is larger than the ${maxBytes} bytes this server accepts.`, [{ path: "file", message: "is too large" }]);
          received = { name: cleanFileName(part.filename ?? ""), declaredType: part.mimetype ?? "", head: file.head, size: file.size };
        }
        if (!received) throw invalidField("body.file", "is required");
        const target = parseTarget(fields);
        const { contentType } = await checkContentType(received.head, received.name, received.declaredType);
        const upload = received;
        return await inWorkspace(db, caller.workspaceId, async (tx) => {
          await assertTargetExists(tx, caller.workspaceId, target);
          const now = new Date();
          await repository.insertAttachment(tx, {
            workspaceId: caller.workspaceId,
            id,
            ...target,
            name: upload.name,
            contentType,
            size: upload.size,
            storageKey,
            createdAt: now,
            updatedAt: now,
            createdBy: caller.userId,
          });
          const row = (await repository.findAttachment(tx, caller.workspaceId, id))!;
          await recordAudit(tx, caller, { entityType: "attachment", entityId: id, action: "create", before: null, after: snapshot(row) });
          return toAttachment(row);
        });
      } catch (error) {
        await storage.delete(storageKey);
        throw error;
      }
    },

    list: (caller: Caller, target: repository.AttachmentTargetIds) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        await assertTargetExists(tx, caller.workspaceId, target);
        return { data: (await repository.listAttachments(tx, caller.workspaceId, target)).map(toAttachment) };
      }),

    async open(caller: Caller, id: string) {
      const row = await inWorkspace(db, caller.workspaceId, (tx) => load(tx, caller, id));
      const content = await storage.get(row.storageKey);
      if (!content) throw notFound("The attachment's file");
      return { attachment: toAttachment(row), content };
    },

    /** Members delete files they uploaded; managers and up delete any. The bytes go after the row commits. */
    async remove(caller: Caller, id: string) {
      const row = await inWorkspace(db, caller.workspaceId, async (tx) => {
        const found = await load(tx, caller, id);
        if (!can(caller.role, "records:write_any") && found.createdBy !== caller.userId) {
          throw forbidden(`Your role (${caller.role}) can delete only attachments you uploaded.`);
        }
        await repository.deleteAttachments(tx, caller.workspaceId, [id]);
        await recordAudit(tx, caller, { entityType: "attachment", entityId: id, action: "hard_delete", before: snapshot(found), after: null });
        return found;
      });
      await storage.delete(row.storageKey);
    },
  };
}

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
