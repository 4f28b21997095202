import type { FastifyInstance, FastifyRequest, RouteOptions } from "fastify";
import { Company, CompanyList, Contact, ContactList, type FieldPermissionObject } from "../../../../contracts/index.js";
import { invalidField } from "../../platform/http/app-error.js";
import { omitFields, type FieldPermissionsService } from "./field-permissions.service.js";

/** Routes are recognised by the contract they answer with, so a new route returning contacts is covered without listing it. */
const objectOfResponse = new Map<unknown, { object: FieldPermissionObject; isList: boolean }>([
  [Contact, { object: "contacts", isList: false }],
  [ContactList, { object: "contacts", isList: true }],
  [Company, { object: "companies", isList: false }],
  [CompanyList, { object: "companies", isList: true }],
]);

/** List query names that differ from the field they reveal. */
const fieldOfQueryName: Record<string, string> = { phone: "phones" };

const hiddenByRequest = new WeakMap<FastifyRequest, Set<string>>();

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Sorting or filtering on a hidden field would reveal it by the order or the matches; refuse it. */
function assertQueryReadsNoHidden(query: { filter?: Record<string, unknown>; sort?: string }, hidden: Set<string>) {
  for (const name of Object.keys(query.filter ?? {})) {
    if (hidden.has(fieldOfQueryName[name] ?? name)) throw invalidField(`filter.${name}`, "is a field your role may not read");
  }
  for (const key of (query.sort ?? "").split(",")) {
    const name = key.trim().replace(/^-/, "");
    if (name && hidden.has(fieldOfQueryName[name] ?? name)) throw invalidField("sort", `${name} is a field your role may not read`);
  }
}

/**
 * Enforces field-level permissions on every route that answers with contacts or companies:
 * a preHandler looks up the caller's hidden fields (and refuses lists that sort or filter on
 * them), and preSerialization omits those fields from the answer. Register it before the routes.
 */
export function registerFieldPermissionFilter(app: FastifyInstance, fieldPermissions: FieldPermissionsService) {
  app.addHook("onRoute", (route: RouteOptions) => {
    const response = (route.schema?.response ?? {}) as Record<string, unknown>;
    const match = objectOfResponse.get(response[200]) ?? objectOfResponse.get(response[201]);
    if (!match) return;

    route.preHandler = [
      ...asArray(route.preHandler),
      async (request: FastifyRequest) => {
        if (!request.caller) return;
        const hidden = await fieldPermissions.hiddenForCaller(request.caller, match.object);
        hiddenByRequest.set(request, hidden);
        if (hidden.size === 0) return;
        if (match.isList) assertQueryReadsNoHidden(request.query as { filter?: Record<string, unknown>; sort?: string }, hidden);
        // Writing a field one may not read would overwrite what one cannot see; refuse it.
        for (const name of Object.keys((request.body as object | null) ?? {})) {
          if (hidden.has(name)) throw invalidField(`body.${name}`, "is a field your role may not change");
        }
      },
    ] as RouteOptions["preHandler"];

    route.preSerialization = [
      ...asArray(route.preSerialization),
      async (request: FastifyRequest, reply: { statusCode: number }, payload: unknown) => {
        const hidden = hiddenByRequest.get(request);
        if (!hidden || hidden.size === 0 || reply.statusCode >= 300 || !payload || typeof payload !== "object") return payload;
        if (match.isList) {
          const list = payload as { data: object[] };
          return { ...list, data: list.data.map((record) => omitFields(record, hidden)) };
        }
        return omitFields(payload, hidden);
      },
    ] as RouteOptions["preSerialization"];
  });
}
