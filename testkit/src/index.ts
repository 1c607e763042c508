export * from './compose';
export * from './rbac-matrix';
export * from './tokens';
export * from './databases';
export * from './log-capture';
export * from './subgraph-harness';
