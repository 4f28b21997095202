import type { Target } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { inWorkspace, type Transaction } from "../../db/workspace-transaction.js";
import { defineJob, type JobQueue } from "../../platform/jobs/index.js";
import { recordNotifications, type NewNotification } from "../../platform/notifications/index.js";
import { loadSalesSettings } from "../settings/index.js";
import * as alerts from "./plan-alerts.repository.js";
import { measureTarget } from "./targets.attainment.js";
import * as targets from "./targets.repository.js";

export const planAlertsJob = defineJob<Record<string, never>>("sales-plan-alerts");

const managerRoles = new Set(["owner", "admin", "manager"]);
const dayMs = 86_400_000;

/** Who hears about a target falling behind: its member (or its team's managers) and the managers above them. */
async function recipientsFor(tx: Transaction, workspaceId: string, target: Target): Promise<string[]> {
  const members = await alerts.membersWithTeams(tx, workspaceId);
  const teamId = target.teamId ?? members.find((member) => member.userId === target.ownerId)?.teamId ?? null;
  const managers = teamId ? members.filter((member) => member.teamId === teamId && managerRoles.has(member.role)) : [];
  const escalation = managers.length ? managers : members.filter((member) => member.role === "owner");
  return [...new Set([...(target.ownerId ? [target.ownerId] : []), ...escalation.map((member) => member.userId)])];
}

const metricWords: Record<Target["metric"], string> = { revenue_won: "revenue won", deals_won: "deals won", activities_done: "activities done" };

async function behindTargetAlerts(tx: Transaction, workspaceId: string, now: Date, today: string): Promise<NewNotification[]> {
  const settings = await loadSalesSettings(tx, workspaceId);
  const found: NewNotification[] = [];
  for (const row of await targets.listTargetsRunningOn(tx, workspaceId, today)) {
    const target = await measureTarget(tx, workspaceId, row, settings, now);
    if (!target.isBehind) continue;
    const excerpt = `${target.holderName}: ${metricWords[target.metric]} ${target.period} at ${target.percent}% of target; ${Math.round((target.expectedByNow / target.amount) * 100)}% expected by now`;
    for (const recipientId of await recipientsFor(tx, workspaceId, target)) {
      found.push({ workspaceId, recipientId, kind: "target_behind", actorId: null, data: { excerpt }, dedupeKey: `target_behind:${target.id}:${recipientId}:${today}` });
    }
  }
  return found;
}

async function dealAlerts(tx: Transaction, workspaceId: string, now: Date, today: string): Promise<NewNotification[]> {
  const { staleDealDays } = await loadSalesSettings(tx, workspaceId);
  const week = Math.floor(now.getTime() / (7 * dayMs));
  const stale = await alerts.staleDeals(tx, workspaceId, new Date(now.getTime() - staleDealDays * dayMs));
  const overdue = await alerts.overdueDeals(tx, workspaceId, today);
  return [
    ...stale.map((deal) => ({
      workspaceId,
      recipientId: deal.ownerId,
      kind: "deal_stale" as const,
      actorId: null,
      data: { record: { type: "deal" as const, id: deal.id, name: deal.name }, excerpt: `No activity for ${staleDealDays} days or more` },
      dedupeKey: `deal_stale:${deal.id}:${week}`,
    })),
    ...overdue.map((deal) => ({
      workspaceId,
      recipientId: deal.ownerId,
      kind: "deal_overdue" as const,
      actorId: null,
      data: { record: { type: "deal" as const, id: deal.id, name: deal.name }, excerpt: `Close date ${deal.closeDate} has passed` },
      dedupeKey: `deal_overdue:${deal.id}:${deal.closeDate}`,
    })),
  ];
}

/**
 * One alert run over every workspace: targets behind their pace (once a day per target and
 * person), deals gone quiet (once a week per deal) and open deals past their close date (once
 * per deal and close date). Dedupe keys make a repeated run add nothing.
 */
export async function runPlanAlerts(db: Database, now = new Date()): Promise<void> {
  const today = now.toISOString().slice(0, 10);
  for (const workspaceId of await alerts.allWorkspaceIds(db)) {
    await inWorkspace(db, workspaceId, async (tx) => {
      await recordNotifications(tx, [...(await behindTargetAlerts(tx, workspaceId, now, today)), ...(await dealAlerts(tx, workspaceId, now, today))]);
    });
  }
}

/** Hourly from the durable queue's schedule, and once at start-up so a restart misses no day. */
export async function registerPlanAlertWorker(jobs: JobQueue, db: Database) {
  await jobs.work(planAlertsJob, () => runPlanAlerts(db));
  await jobs.schedule(planAlertsJob, "0 * * * *", {});
}
