export * from './logged-context';
export * from './logger';
export * from './operation-line';
export * from './operation-log.plugin';
export * from './request-id';
export * from './socket-operation-log';
