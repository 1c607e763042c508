import { createLogger } from '@platform/kit';

export const silentLogger = createLogger({ name: 'rest-adapter-test', level: 'silent' });
