/** Attachments in the web app: the files panel on contact and company pages. */
export { AttachmentsPanel } from "./attachments.panel";
