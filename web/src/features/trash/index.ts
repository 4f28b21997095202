/** The trash: soft-deleted contacts and companies, restore and purge. */
export { TrashPage } from "./trash.page";
