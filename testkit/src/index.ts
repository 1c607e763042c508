export * from './compose';
export * from './rbac-matrix';
export * from './tokens';
export * from './databases';
export * from './log-capture';
export * from './held-subscription';
export * from './until';
export * from './platform-start';
