/** The HTTP client every feature's query hooks go through. */
export { ApiError, api, apiRequest, buildQueryString } from "./api.client";
export type { QueryValue, RequestOptions } from "./api.client";
export { toListQuery } from "./list-query";
export type { ListFilter, ListParams, Page } from "./list-query";
export { createRecordQueries } from "./records.queries";
