import fs from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import { sql } from "drizzle-orm";
import Fastify, { type FastifyInstance } from "fastify";
import { validatorCompiler } from "fastify-type-provider-zod";
import type { Config } from "./config.js";
import type { DatabaseHandle } from "./db/client.js";
import { webDistFolder } from "./project-paths.js";
import {
  activitiesDataSource,
  activitiesRoutes,
  activityLookup,
  attachmentsDataSource,
  attachmentsRoutes,
  batchRoutes,
  companiesRoutes,
  contactsRoutes,
  createActivitiesService,
  createAttachmentsService,
  createBatchService,
  createCompaniesService,
  createContactsService,
  createCustomFieldsService,
  createDuplicatesService,
  createExportService,
  createFieldPermissionsService,
  createImportsService,
  createLocalDiskStorage,
  createMergesService,
  createPrivacyService,
  createTimelineService,
  customFieldsRoutes,
  duplicatesRoutes,
  exportRoutes,
  importsRoutes,
  privacyRoutes,
  registerFieldPermissionFilter,
  registerFieldIndexWorker,
  registerImportWorker,
  registerReminderWorker,
  searchRoutes,
} from "./customers/index.js";
import {
  apiKeysRoutes,
  auditRoutes,
  authRoutes,
  createApiKeysService,
  createAuditService,
  createAuthService,
  createCallerCache,
  createNotificationsService,
  createSavedViewsService,
  createWorkspacesService,
  notificationsRoutes,
  parseQueryString,
  registerApiDocs,
  registerAuthentication,
  registerErrorHandling,
  responseSerializerCompiler,
  savedViewsRoutes,
  workspacesRoutes,
  type JobQueue,
} from "./platform/index.js";
import { createBoardService, createDealsService, createPipelinesService, dealsRoutes, pipelinesRoutes } from "./sales/index.js";
import { createSalesSettingsService, salesSettingsRoutes } from "./sales/index.js";
import { createInvoicesService, createOrdersService, createProductsService, createQuotesService, invoicesRoutes, ordersRoutes, productsRoutes, quotesRoutes, registerOverdueInvoicesWorker } from "./sales/index.js";
import { createMailer } from "./platform/mail/index.js";
import { createForecastService, createLeadConversionService, createLeadRulesService, createSalesDashboardService, createTargetsService, forecastRoutes, leadAssignment, leadsRoutes, openDeal, registerPlanAlertWorker, targetsRoutes } from "./sales/index.js";


/**
 * Builds the whole HTTP app from the domain modules, and registers their job handlers on the
 * queue (started by the caller, stopped by the caller after the app closes); tests call this too.
 */
export async function buildApp({ config, database, jobs }: { config: Config; database: DatabaseHandle; jobs: JobQueue }): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel, redact: ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]'] },
    bodyLimit: config.bodyLimitBytes,
    routerOptions: { querystringParser: parseQueryString },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  registerErrorHandling(app);
  await app.register(cookie);

  await registerApiDocs(app);

  const { db } = database;
  const callers = createCallerCache();
  const auth = createAuthService({ db, config, callers });
  const contacts = createContactsService({ db, leadAssigner: leadAssignment });
  const companies = createCompaniesService({ db });
  registerAuthentication(app, auth);
  jobs.setLogger(app.log);
  await registerReminderWorker(jobs, db);
  await registerOverdueInvoicesWorker(jobs, db);
  const mailer = createMailer({ url: config.smtpUrl, from: config.smtpFrom });
  await registerPlanAlertWorker(jobs, db);
  const importsDirectory = path.join(config.dataDir, "imports");
  await registerImportWorker(jobs, db, { directory: importsDirectory, chunkSize: config.importChunkRows });
  await registerFieldIndexWorker(jobs, database);
  const fieldPermissions = createFieldPermissionsService({ db });
  const attachmentStorage = createLocalDiskStorage(path.join(config.dataDir, "attachments"));
  // Modules holding data about a contact join data-subject export and erase here.
  const privacy = createPrivacyService({ db, fieldPermissions, sources: [attachmentsDataSource(attachmentStorage), activitiesDataSource()] });

  app.get("/healthz", { schema: { hide: true } }, async () => {
    await db.execute(sql`select 1`);
    return { status: "ok", database: database.kind };
  });

  await app.register(
    async (api) => {
      // Before the routes: it hooks every route answering with contacts or companies.
      registerFieldPermissionFilter(api, fieldPermissions);
      await api.register(authRoutes, { auth, config });
      await api.register(workspacesRoutes, { workspaces: createWorkspacesService({ db, config, callers }) });
      await api.register(apiKeysRoutes, { apiKeys: createApiKeysService({ db, callers }) });
      await api.register(auditRoutes, { audit: createAuditService({ db }) });
      await api.register(savedViewsRoutes, { views: createSavedViewsService({ db }) });
      await api.register(contactsRoutes, { contacts });
      await api.register(exportRoutes, { exports: createExportService({ db, contacts, companies, fieldPermissions }) });
      await api.register(duplicatesRoutes, { duplicates: createDuplicatesService({ db }), merges: createMergesService({ db, fieldPermissions }) });
      await api.register(companiesRoutes, { companies, contacts });
      await api.register(batchRoutes, { batch: createBatchService({ db, leadAssigner: leadAssignment }), fieldPermissions });
      await api.register(importsRoutes, { imports: createImportsService({ db, jobs, directory: importsDirectory, fieldPermissions }), maxBytes: config.importMaxBytes });
      await api.register(customFieldsRoutes, { customFields: createCustomFieldsService({ db, jobs }) });
      await api.register(searchRoutes, { contacts, companies });
      await api.register(activitiesRoutes, { activities: createActivitiesService({ db, jobs }), timeline: createTimelineService({ db }) });
      await api.register(notificationsRoutes, { notifications: createNotificationsService({ db }) });
      await api.register(privacyRoutes, { privacy, fieldPermissions });
      await api.register(salesSettingsRoutes, { settings: createSalesSettingsService({ db }) });
      await api.register(productsRoutes, { products: createProductsService({ db }) });
      await api.register(quotesRoutes, { quotes: createQuotesService({ db, mailer }) });
      await api.register(ordersRoutes, { orders: createOrdersService({ db }) });
      await api.register(invoicesRoutes, { invoices: createInvoicesService({ db, mailer }) });
      await api.register(pipelinesRoutes, { pipelines: createPipelinesService({ db }) });
      await api.register(dealsRoutes, { deals: createDealsService({ db }), board: createBoardService({ db }) });
      await api.register(leadsRoutes, { rules: createLeadRulesService({ db }), conversion: createLeadConversionService({ db, openDeal }) });
      await api.register(targetsRoutes, { targets: createTargetsService({ db }) });
      await api.register(forecastRoutes, { forecast: createForecastService({ db }), dashboard: createSalesDashboardService({ db }) });
      await api.register(attachmentsRoutes, { attachments: createAttachmentsService({ db, storage: attachmentStorage, activities: activityLookup }), maxBytes: config.attachmentMaxBytes });
    },
    { prefix: "/api/v1" },
  );

  if (fs.existsSync(path.join(webDistFolder, "index.html"))) {
    await app.register(fastifyStatic, { root: webDistFolder, wildcard: false });
    // The web app routes on the client: every other GET outside /api gets its index.html.
    app.get("/*", { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith("/api/")) return reply.callNotFound();
      return reply.sendFile("index.html");
    });
  }
  return app;
}
