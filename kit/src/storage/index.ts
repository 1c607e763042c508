export * from './local-folder.storage';
export * from './object-storage';
export * from './s3.storage';
export * from './storage.config';
export * from './byte-meter';
export * from './sniff-content-type';
