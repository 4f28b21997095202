/** In-app notifications: each member's inbox of mentions and reminders, and how domains add to it. */
export { notificationsRoutes } from "./notifications.routes.js";
export { createNotificationsService, recordNotifications, type NewNotification, type NotificationsService } from "./notifications.service.js";
export type { NotificationData } from "./notifications.schema.js";
