/**
 * Interactions with customers: notes, calls, e-mails, meetings, tasks and field visits linked to
 * contacts and companies; record timelines; task reminders (from the job queue) and @mentions
 * (as notifications).
 */
export { activitiesRoutes } from "./activities.routes.js";
export { createActivitiesService, createActivityIn, type ActivitiesService } from "./activities.service.js";
export { createTimelineService, type TimelineService } from "./activities.timeline.js";
export { registerReminderWorker, reminderJob } from "./activities.reminders.js";
export { activitiesDataSource, activityLookup } from "./activities.privacy.js";
