import type { Transporter } from "nodemailer";
import { AppError } from "../http/app-error.js";

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
}

export interface Mailer {
  /** Sends one message; 503 when the server has no SMTP_URL, 502 when the SMTP server refuses it. */
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * Outgoing e-mail over SMTP (`smtp://user:pass@host:port`: plain, upgraded with STARTTLS when the
 * server offers it; `smtps://` for TLS from the start). Without a URL every send answers 503 so the
 * caller learns what the administrator must configure.
 */
export function createMailer({ url, from }: { url: string | undefined; from: string }): Mailer {
  // nodemailer is loaded on the first send, not at start-up (~60 ms).
  let transport: Promise<Transporter> | undefined;
  const connect = (smtpUrl: string) => (transport ??= import("nodemailer").then(({ default: nodemailer }) => nodemailer.createTransport(smtpUrl)));
  return {
    async send(mail) {
      if (!url) throw new AppError(503, "Service Unavailable", "E-mail is not configured on this server: set SMTP_URL (and SMTP_FROM) to send documents.");
      try {
        await (await connect(url)).sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, attachments: mail.attachments });
      } catch (error) {
        throw new AppError(502, "Bad Gateway", `The SMTP server did not accept the message: ${(error as Error).message}`);
      }
    },
  };
}
