import { can, type Company, type Contact, type DuplicateObject, type MergeUndoResult } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import { inWorkspace, type Transaction } from "../../db/workspace-transaction.js";
import { recordAudit } from "../../platform/audit/audit.service.js";
import type { Caller } from "../../platform/auth/caller.js";
import { conflict, forbidden, notFound } from "../../platform/http/app-error.js";
import { iso } from "../../platform/http/iso.js";
import * as companiesRepository from "../companies/companies.repository.js";
import { toCompany } from "../companies/companies.service.js";
import * as contactsRepository from "../contacts/contacts.repository.js";
import { toContact } from "../contacts/contacts.service.js";
import { loadCustomFieldRules } from "../custom-fields/index.js";
import type { FieldPermissionsService } from "../privacy/index.js";
import { assertCanModify } from "../shared/records.policy.js";
import { mergeableColumns, mergedValues } from "./merge.fields.js";
import { companyRelations, contactRelations, findMerge, insertMerge, markUndone, moveRelation, setTarget, type MovedRow, type RelationSpec } from "./merges.repository.js";

type Stored = Record<string, unknown> & { id: string; ownerId: string | null; deletedAt: Date | null; custom: Record<string, unknown>; tags: string[] };

/** What differs between merging contacts and merging companies. */
interface MergeKind<Answer> {
  object: DuplicateObject;
  plural: "contacts" | "companies";
  label: string;
  relations: RelationSpec[];
  load: (tx: Transaction, workspaceId: string, id: string) => Promise<Stored | undefined>;
  update: (tx: Transaction, workspaceId: string, id: string, values: Record<string, unknown>) => Promise<void>;
  answer: (tx: Transaction, workspaceId: string, id: string) => Promise<Answer>;
  checkChanges?: (tx: Transaction, workspaceId: string, changes: Record<string, unknown>) => Promise<void>;
}

const contactKind: MergeKind<Contact> = {
  object: "contact",
  plural: "contacts",
  label: "Contact",
  relations: contactRelations,
  load: async (tx, workspaceId, id) => (await contactsRepository.findContact(tx, workspaceId, id))?.contact as Stored | undefined,
  update: (tx, workspaceId, id, values) => contactsRepository.updateContact(tx, workspaceId, id, values),
  answer: async (tx, workspaceId, id) => toContact((await contactsRepository.findContact(tx, workspaceId, id))!),
  checkChanges: async (tx, workspaceId, changes) => {
    if (typeof changes.companyId === "string") await companiesRepository.assertLiveCompany(tx, workspaceId, changes.companyId, "body.fields.companyId");
  },
};

const companyKind: MergeKind<Company> = {
  object: "company",
  plural: "companies",
  label: "Company",
  relations: companyRelations,
  load: async (tx, workspaceId, id) => (await companiesRepository.findCompany(tx, workspaceId, id))?.company as Stored | undefined,
  update: (tx, workspaceId, id, values) => companiesRepository.updateCompany(tx, workspaceId, id, values),
  answer: async (tx, workspaceId, id) => toCompany((await companiesRepository.findCompany(tx, workspaceId, id))!),
};

function pick(record: Record<string, unknown>, columns: string[]) {
  return Object.fromEntries(columns.map((column) => [column, record[column] ?? null]));
}

interface BeforeState {
  survivor: Record<string, unknown>;
  moved: Record<string, MovedRow[]>;
}

const relationKey = (spec: RelationSpec) => `${spec.table}.${spec.column}`;

export function createMergesService({ db, fieldPermissions }: { db: Database; fieldPermissions: FieldPermissionsService }) {
  async function merge<Answer>(kind: MergeKind<Answer>, caller: Caller, input: { survivorId: string; mergeIds: string[]; fields: Record<string, string> }) {
    return inWorkspace(db, caller.workspaceId, async (tx) => {
      const records: Stored[] = [];
      for (const id of [input.survivorId, ...input.mergeIds]) {
        const record = await kind.load(tx, caller.workspaceId, id);
        if (!record || record.deletedAt) throw notFound(kind.label);
        assertCanModify(caller, record, kind.plural);
        records.push(record);
      }
      const hidden = await fieldPermissions.hiddenFor(tx, caller, kind.plural);
      const customKeys = new Set((await loadCustomFieldRules(tx, caller.workspaceId, kind.object)).map((rule) => rule.key));
      const changes = mergedValues(kind.object, records, input.fields, hidden, customKeys);
      await kind.checkChanges?.(tx, caller.workspaceId, changes);

      const [survivor, ...merged] = records;
      const now = new Date();
      const moved: Record<string, MovedRow[]> = {};
      for (const spec of kind.relations) moved[relationKey(spec)] = await moveRelation(tx, caller.workspaceId, spec, survivor.id, input.mergeIds);
      await kind.update(tx, caller.workspaceId, survivor.id, { ...changes, updatedAt: now });
      for (const record of merged) await kind.update(tx, caller.workspaceId, record.id, { deletedAt: now, updatedAt: now });

      const mergeId = newId();
      const before: BeforeState = { survivor: pick(survivor, mergeableColumns(kind.object)), moved };
      await insertMerge(tx, { workspaceId: caller.workspaceId, id: mergeId, object: kind.object, survivorId: survivor.id, mergedIds: input.mergeIds, before: before as unknown as Record<string, unknown>, createdAt: now, updatedAt: now, createdBy: caller.userId });
      await recordAudit(tx, caller, { entityType: kind.object, entityId: survivor.id, action: "update", before: before.survivor, after: pick(changes, Object.keys(before.survivor).filter((key) => key in changes)) });
      for (const record of merged) {
        await recordAudit(tx, caller, { entityType: kind.object, entityId: record.id, action: "delete", before: { deletedAt: null, mergedInto: null }, after: { deletedAt: now, mergedInto: survivor.id } });
      }
      return { ...(await kind.answer(tx, caller.workspaceId, survivor.id)), mergeId };
    });
  }

  return {
    mergeContacts: (caller: Caller, input: { survivorId: string; mergeIds: string[]; fields: Record<string, string> }) => merge(contactKind, caller, input),
    mergeCompanies: (caller: Caller, input: { survivorId: string; mergeIds: string[]; fields: Record<string, string> }) => merge(companyKind, caller, input),

    /** Puts the survivor's fields back, takes the merged records out of the trash and moves their links back. */
    undo: (caller: Caller, id: string): Promise<MergeUndoResult> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const row = await findMerge(tx, caller.workspaceId, id);
        if (!row) throw notFound("Merge");
        if (row.createdBy !== caller.userId && !can(caller.role, "members:manage")) throw forbidden("Only the person who merged, or an admin, can undo a merge.");
        if (row.undoneAt) throw conflict("This merge has already been undone.");
        const kind = (row.object === "contact" ? contactKind : companyKind) as MergeKind<unknown>;
        const before = row.before as unknown as BeforeState;
        for (const mergedId of row.mergedIds) {
          if (!(await kind.load(tx, caller.workspaceId, mergedId))) throw conflict(`A merged ${kind.object} was deleted for ever from the trash; the merge cannot be undone.`);
        }
        const now = new Date();
        const current = await kind.load(tx, caller.workspaceId, row.survivorId);
        if (!current) throw conflict(`The surviving ${kind.object} was deleted for ever from the trash; the merge cannot be undone.`);
        await kind.update(tx, caller.workspaceId, row.survivorId, { ...before.survivor, updatedAt: now });
        for (const mergedId of row.mergedIds) await kind.update(tx, caller.workspaceId, mergedId, { deletedAt: null, updatedAt: now });
        for (const spec of kind.relations) {
          const byOrigin = new Map<string, string[]>();
          for (const moved of before.moved[relationKey(spec)] ?? []) byOrigin.set(moved.from, [...(byOrigin.get(moved.from) ?? []), moved.id]);
          for (const [origin, rowIds] of byOrigin) await setTarget(tx, caller.workspaceId, spec, origin, rowIds);
        }
        await markUndone(tx, caller.workspaceId, id, caller.userId, now);
        await recordAudit(tx, caller, { entityType: kind.object, entityId: row.survivorId, action: "update", before: pick(current, Object.keys(before.survivor)), after: before.survivor });
        for (const mergedId of row.mergedIds) {
          await recordAudit(tx, caller, { entityType: kind.object, entityId: mergedId, action: "restore", before: { deletedAt: "merged" }, after: { deletedAt: null } });
        }
        return { id, object: row.object, survivorId: row.survivorId, mergedIds: row.mergedIds, undoneAt: iso(now) };
      }),
  };
}

export type MergesService = ReturnType<typeof createMergesService>;
