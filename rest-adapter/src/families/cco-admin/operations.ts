import { join } from 'node:path';
import { operationFolder } from '../../framework/operations';

export const ccoOps = operationFolder(join(__dirname, 'operations'));
