/**
 * The durable job queue (pg-boss on the app's PostgreSQL or PGlite): background work such as
 * reminders, imports and webhooks is sent here, never kept in an in-memory timer.
 */
export { defineJob, startJobQueue, type JobContext, type JobLogger, type JobName, type JobQueue, type SendOptions, type WorkOptions } from "./jobs.queue.js";
