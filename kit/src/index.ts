import 'reflect-metadata';

export * from './auth';
export * from './config';
export * from './context';
export * from './db';
export * from './decimal';
export * from './errors';
export * from './events';
export * from './executor';
export * from './federation';
export * from './http';
export * from './logger';
export * from './page';
export * from './pubsub';
export * from './revocation-redis';
export * from './shield';
export * from './subgraph';
export * from './time';
