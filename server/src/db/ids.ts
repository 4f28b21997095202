import { v7 } from "uuid";

/** Time-ordered ids keep new rows at the right end of the primary-key index. */
export const newId = (): string => v7();
