import { join } from 'node:path';
import { operationFolder } from '../../framework/operations';

export const hrOps = operationFolder(join(__dirname, 'operations'));
