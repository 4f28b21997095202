export * from "./common.js";
export * from "./phone.js";
export * from "./auth.js";
export * from "./workspace.js";
export * from "./contacts.js";
export * from "./companies.js";
export * from "./permissions.js";
