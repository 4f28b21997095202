import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, MarkedRead, Notification, NotificationList, NotificationQuery } from "../../../../contracts/index.js";
import { callerOf } from "../http/fastify-types.js";
import type { NotificationsService } from "./notifications.service.js";

/** The caller's own notifications; everyone with a session or key has an inbox. */
export const notificationsRoutes: FastifyPluginAsyncZod<{ notifications: NotificationsService }> = async (app, { notifications }) => {
  const tags = ["notifications"];

  app.get("/notifications", { config: { permission: "session" }, schema: { tags, querystring: NotificationQuery, response: { 200: NotificationList } } }, (request) =>
    notifications.list(callerOf(request), request.query),
  );

  app.post("/notifications/:id/read", { config: { permission: "session" }, schema: { tags, params: IdParams, response: { 200: Notification } } }, (request) =>
    notifications.markRead(callerOf(request), request.params.id),
  );

  app.post("/notifications/read-all", { config: { permission: "session" }, schema: { tags, response: { 200: MarkedRead } } }, (request) =>
    notifications.markAllRead(callerOf(request)),
  );
};
