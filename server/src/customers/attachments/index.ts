/**
 * Files on contacts, companies and activities: upload (type checked by content), list,
 * download or preview, delete. Bytes live behind AttachmentStorage (local disk by default).
 */
export { attachmentsRoutes } from "./attachments.routes.js";
export { createAttachmentsService, type AttachmentsService, type ActivityLookup } from "./attachments.service.js";
export { createLocalDiskStorage, type AttachmentStorage } from "./attachments.storage.js";
export { attachmentsDataSource } from "./attachments.privacy.js";
