export { createRouter, type Router } from './router';
export type { RouterOptions, UpstreamSubgraph, RemoteSubgraph, LocalSubgraph } from './options';
export type { RouterContext, ForwardedHeaders } from './context';
export { httpExecutor } from './http-executor';
export { DEFAULT_LIMITS, type Limits } from './limits/limits';
export { operationCost } from './limits/operation-cost';
export { loadRouterConfig, routerConfigSchema, type RouterConfig } from './config';
