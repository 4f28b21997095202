import type { Actor } from "./app.js";

/** The year, quarter and month that contain `now` ("2026", "2026-Q4", "2026-11"), and the quarter's first day. */
export function currentPeriods(now = new Date()) {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const quarter = Math.floor(month / 3);
  return {
    year: String(year),
    quarter: `${year}-Q${quarter + 1}`,
    month: `${year}-${String(month + 1).padStart(2, "0")}`,
    quarterStart: `${year}-${String(quarter * 3 + 1).padStart(2, "0")}-01`,
    nextQuarterStart: new Date(Date.UTC(year, quarter * 3 + 3, 1)).toISOString().slice(0, 10),
  };
}

/** The default pipeline's id and its stages by name (Lead, Qualified, Proposal, Negotiation, Won, Lost). */
export async function defaultPipeline(actor: Actor): Promise<{ id: string; stages: Record<string, string> }> {
  const pipeline = (await actor.request("GET", "/api/v1/pipelines")).body.data[0];
  return { id: pipeline.id, stages: Object.fromEntries(pipeline.stages.map((stage: { name: string; id: string }) => [stage.name, stage.id])) };
}

export async function createDeal(actor: Actor, input: Record<string, unknown>) {
  const response = await actor.request("POST", "/api/v1/deals", { name: `Deal ${Math.random().toString(36).slice(2, 8)}`, currency: "USD", ...input });
  if (response.status !== 201) throw new Error(`deal failed: ${JSON.stringify(response.body)}`);
  return response.body;
}
