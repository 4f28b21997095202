import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's minimum (19 MiB, 2 passes): about 50 ms a hash on this machine.
const argonOptions = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, argonOptions);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash made once at start so an unknown e-mail costs as much time as a wrong password. */
export const decoyPasswordHash = hashPassword(randomBytes(16).toString("hex"));

/** Random bearer secrets (sessions, API keys, invitations); only their SHA-256 is stored. */
export const newToken = (prefix = "") => prefix + randomBytes(32).toString("base64url");
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
