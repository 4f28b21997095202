/** Duplicate customers: the review page, side-by-side merge with undo, and the warning after a create. */
export { DuplicatesPage } from "./duplicates.page";
export { notifyPossibleDuplicates } from "./duplicates.notify";
