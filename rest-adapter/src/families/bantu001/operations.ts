import { join } from 'node:path';
import { operationFolder } from '../../framework/operations';

export const bantuOps = operationFolder(join(__dirname, 'operations'));
