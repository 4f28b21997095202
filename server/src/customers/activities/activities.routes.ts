import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { Activity, ActivityList, ActivityListQuery, CreateActivityInput, IdParams, Timeline, TimelineQuery, UpdateActivityInput } from "../../../../contracts/index.js";
import { callerOf } from "../../platform/http/fastify-types.js";
import type { ActivitiesService } from "./activities.service.js";
import type { TimelineService } from "./activities.timeline.js";

export const activitiesRoutes: FastifyPluginAsyncZod<{ activities: ActivitiesService; timeline: TimelineService }> = async (app, { activities, timeline }) => {
  const tags = ["activities"];

  app.get("/activities", { config: { permission: "records:read" }, schema: { tags, querystring: ActivityListQuery, response: { 200: ActivityList } } }, (request) =>
    activities.list(callerOf(request), request.query),
  );

  app.post("/activities", { config: { permission: "records:create" }, schema: { tags, body: CreateActivityInput, response: { 201: Activity } } }, async (request, reply) =>
    reply.status(201).send(await activities.create(callerOf(request), request.body)),
  );

  app.get("/activities/:id", { config: { permission: "records:read" }, schema: { tags, params: IdParams, response: { 200: Activity } } }, (request) =>
    activities.get(callerOf(request), request.params.id),
  );

  app.patch(
    "/activities/:id",
    { config: { permission: "records:write" }, schema: { tags, params: IdParams, body: UpdateActivityInput, response: { 200: Activity } } },
    (request) => activities.update(callerOf(request), request.params.id, request.body),
  );

  app.delete("/activities/:id", { config: { permission: "records:delete" }, schema: { tags, params: IdParams } }, async (request, reply) => {
    await activities.remove(callerOf(request), request.params.id);
    return reply.status(204).send();
  });

  for (const [type, plural] of [
    ["contact", "contacts"],
    ["company", "companies"],
    ["deal", "deals"],
  ] as const) {
    app.get(
      `/${plural}/:id/timeline`,
      { config: { permission: "records:read" }, schema: { tags: [plural, "activities"], params: IdParams, querystring: TimelineQuery, response: { 200: Timeline } } },
      (request) => timeline.read(callerOf(request), { type, id: request.params.id }, request.query),
    );
  }
};
