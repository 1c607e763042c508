export * from './embedded';
export * from './config';
export * from './registered-subgraphs';
