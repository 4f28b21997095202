import { z } from "zod";
import { CurrencyCode, ExternalId, Id, Timestamp, UserSummary, listOf } from "./common.js";
import { CustomValues } from "./custom-fields.js";
import { StageKind } from "./pipelines.js";

export const ForecastCategory = z.enum(["pipeline", "best_case", "commit", "omitted"]);
export type ForecastCategory = z.infer<typeof ForecastCategory>;

const IsoDate = z.iso.date({ message: "must be a date such as 2026-12-31" });
/** Integer minor units of the deal's currency (cents for EUR, yen for JPY). */
const MinorUnits = z.number().int("must be an integer in minor units (cents)").min(0).max(Number.MAX_SAFE_INTEGER);

export const DealContactInput = z.strictObject({ contactId: Id, role: z.string().trim().max(80).nullable().optional() });

const dealFields = {
  name: z.string().trim().min(1, "is required").max(300),
  amount: MinorUnits.default(0),
  currency: CurrencyCode,
  /** Absent on create: the workspace's default pipeline. */
  pipelineId: Id.optional(),
  /** Absent on create: the pipeline's first stage. */
  stageId: Id.optional(),
  closeDate: IsoDate.nullable().optional(),
  ownerId: Id.nullable().optional(),
  companyId: Id.nullable().optional(),
  /** Ids alone, or `{contactId, role}` to say who the person is in the deal. */
  contactIds: z.array(Id).max(100).optional(),
  contacts: z.array(DealContactInput).max(100).optional(),
  forecastCategory: ForecastCategory.optional(),
  lostReason: z.string().trim().max(500).nullable().optional(),
  nextStep: z.string().trim().max(500).nullable().optional(),
  source: z.string().trim().max(120).nullable().optional(),
  custom: CustomValues.optional(),
  externalId: ExternalId.nullable().optional(),
};

export const CreateDealInput = z.strictObject(dealFields).meta({ id: "CreateDealInput" });
export type CreateDealInput = z.input<typeof CreateDealInput>;

/** A PATCH of `stageId` moves the deal: 409 naming the open required steps of the stage it leaves when moving forward. */
export const UpdateDealInput = z
  .strictObject({ ...dealFields, name: dealFields.name.optional(), amount: MinorUnits.optional(), currency: CurrencyCode.optional() })
  .meta({ id: "UpdateDealInput" });
export type UpdateDealInput = z.input<typeof UpdateDealInput>;

export const OverrideStageInput = z.strictObject({ stageId: Id, reason: z.string().trim().min(3, "is required: say why the steps may stay open").max(1000) }).meta({ id: "OverrideStageInput" });
export type OverrideStageInput = z.input<typeof OverrideStageInput>;

export const DealContact = z.object({ id: Id, name: z.string(), email: z.string().nullable(), role: z.string().nullable() });

export const Deal = z
  .object({
    id: Id,
    name: z.string(),
    amount: z.number().int(),
    currency: z.string(),
    pipelineId: Id,
    stageId: Id,
    stage: z.object({ id: Id, name: z.string(), kind: StageKind, probability: z.number().int() }),
    stageEnteredAt: Timestamp,
    closeDate: z.string().nullable(),
    closedAt: Timestamp.nullable(),
    ownerId: Id.nullable(),
    owner: UserSummary.nullable(),
    companyId: Id.nullable(),
    company: z.object({ id: Id, name: z.string() }).nullable(),
    contactIds: z.array(Id),
    contacts: z.array(DealContact),
    forecastCategory: ForecastCategory,
    lostReason: z.string().nullable(),
    nextStep: z.string().nullable(),
    source: z.string().nullable(),
    lastActivityAt: Timestamp.nullable(),
    custom: CustomValues,
    externalId: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    createdBy: Id.nullable(),
    deletedAt: Timestamp.nullable(),
  })
  .meta({ id: "Deal" });
export type Deal = z.infer<typeof Deal>;

export const DealList = listOf(Deal).meta({ id: "DealList" });
export type DealList = z.infer<typeof DealList>;

export const dealSortFields = ["name", "amount", "closeDate", "createdAt", "updatedAt", "stageEnteredAt", "lastActivityAt"] as const;
export const dealFilterFields = [
  "name",
  "amount",
  "currency",
  "pipelineId",
  "stageId",
  "stageKind",
  "closeDate",
  "ownerId",
  "companyId",
  "contactId",
  "forecastCategory",
  "source",
  "externalId",
  "stageEnteredAt",
  "lastActivityAt",
  "createdAt",
  "updatedAt",
] as const;

/** One stay of a deal in a stage; an override carries who forced it past which open steps, and why. */
export const StageHistoryEntry = z.object({
  id: Id,
  stageId: Id,
  stageName: z.string(),
  fromStageId: Id.nullable(),
  enteredAt: Timestamp,
  leftAt: Timestamp.nullable(),
  movedBy: UserSummary.nullable(),
  override: z.object({ reason: z.string(), stepIds: z.array(Id) }).nullable(),
});
export const StageHistory = z.object({ data: z.array(StageHistoryEntry) }).meta({ id: "StageHistory" });
export type StageHistory = z.infer<typeof StageHistory>;

export const BoardDeal = z.object({
  id: Id,
  name: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  closeDate: z.string().nullable(),
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  companyName: z.string().nullable(),
  stageEnteredAt: Timestamp,
  openRequiredSteps: z.number().int(),
});
export type BoardDeal = z.infer<typeof BoardDeal>;

/**
 * A pipeline's board: each stage with its deals and totals. Totals are in the workspace currency
 * (`currency`; other currencies converted at the admin's rates); `weighted` = Σ amount × probability.
 * `deals` holds at most `limit` per stage (newest change first); `count` is all of them.
 */
export const Board = z
  .object({
    pipelineId: Id,
    currency: z.string(),
    /** Currencies of deals on the board with no exchange rate set: their amounts are left out of the totals. */
    unconvertedCurrencies: z.array(z.string()),
    stages: z.array(
      z.object({ id: Id, name: z.string(), kind: StageKind, probability: z.number().int(), count: z.number().int(), total: z.number().int(), weighted: z.number().int(), deals: z.array(BoardDeal) }),
    ),
  })
  .meta({ id: "Board" });
export type Board = z.infer<typeof Board>;

export const BoardQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  ownerId: Id.optional(),
  q: z.string().trim().max(200).optional(),
});

/** A blocked move: the required steps still open in the stage the deal is leaving. */
export const OpenRequiredSteps = z.array(z.object({ id: Id, title: z.string(), activityId: Id }));
