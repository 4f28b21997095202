/** Export of the contact and company lists: the menu the list pages show and the URL it downloads. */
export { ExportMenu } from "./export.menu";
export { exportUrl, type ExportFormat, type ExportObject } from "./export.url";
