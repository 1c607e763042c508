import { join } from 'node:path';
import { operationFolder } from '../../framework/operations';

export const leadsOps = operationFolder(join(__dirname, 'operations'));
