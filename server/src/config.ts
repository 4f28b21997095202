import path from "node:path";
import { z } from "zod";

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z.string().url().optional(),
  PILLAR_DATA_DIR: z.string().default("./data"),
  PILLAR_SIGNUP: z.enum(["first", "open"]).default("first"),
  PILLAR_SECURE_COOKIES: z.enum(["true", "false"]).default("false"),
  PILLAR_SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  PILLAR_INVITATION_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  PILLAR_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  PILLAR_ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).default(25 * 1024 * 1024),
  PILLAR_IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024 * 1024),
  PILLAR_IMPORT_CHUNK_ROWS: z.coerce.number().int().min(1).max(20_000).default(5000),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional(),
  SMTP_FROM: z.string().default("Pillar CRM <no-reply@localhost>"),
  PILLAR_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server URL; when absent the embedded PGlite database under dataDir is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  isSignupOpen: boolean;
  isSecureCookies: boolean;
  sessionDays: number;
  invitationDays: number;
  bodyLimitBytes: number;
  /** Largest attachment upload; attachments are stored under dataDir/attachments. */
  attachmentMaxBytes: number;
  /** Largest CSV import upload; the file is kept under dataDir/imports while the import runs. */
  importMaxBytes: number;
  /** Rows an import commits per transaction (with its progress counters). */
  importChunkRows: number;
  /** Outgoing mail server, `smtp://user:pass@host:port` (STARTTLS when offered) or `smtps://`; absent: sending answers 503. */
  smtpUrl: string | undefined;
  /** The From address of e-mails sent (quotes, invoices). */
  smtpFrom: string;
  logLevel: string;
}

/** Reads every setting from the environment once; a bad value stops the start with its name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const values = parsed.data;
  return {
    port: values.PORT,
    host: values.HOST,
    databaseUrl: values.DATABASE_URL,
    dataDir: path.resolve(values.PILLAR_DATA_DIR),
    isSignupOpen: values.PILLAR_SIGNUP === "open",
    isSecureCookies: values.PILLAR_SECURE_COOKIES === "true",
    sessionDays: values.PILLAR_SESSION_DAYS,
    invitationDays: values.PILLAR_INVITATION_DAYS,
    bodyLimitBytes: values.PILLAR_BODY_LIMIT_BYTES,
    attachmentMaxBytes: values.PILLAR_ATTACHMENT_MAX_BYTES,
    importMaxBytes: values.PILLAR_IMPORT_MAX_BYTES,
    importChunkRows: values.PILLAR_IMPORT_CHUNK_ROWS,
    smtpUrl: values.SMTP_URL,
    smtpFrom: values.SMTP_FROM,
    logLevel: values.PILLAR_LOG_LEVEL,
  };
}
