/** Sales processes: pipelines, their ordered stages with win probabilities, and each stage's step templates. */
export { pipelinesRoutes } from "./pipelines.routes.js";
export { createPipelinesService, ensureDefaultPipeline, type PipelinesService } from "./pipelines.service.js";
