/** Outgoing e-mail (SMTP): documents such as quotes and invoices sent to customers. */
export { createMailer, type MailAttachment, type Mailer, type OutgoingMail } from "./mailer.js";
