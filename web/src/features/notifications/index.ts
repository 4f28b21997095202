/** In-app notifications: the header bell with the unread count and the caller's inbox. */
export { NotificationsBell } from "./notifications.bell";
