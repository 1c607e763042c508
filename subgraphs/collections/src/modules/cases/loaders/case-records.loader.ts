import { groupLoader } from '@platform/kit';
import type { CollectionsContext } from '../../../collections.context';
import { Communication } from '../../work/entities/communication.entity';
import { Ptp } from '../../work/entities/ptp.entity';

/** A case's communications, newest first (the detail's communication_history), for many cases in one statement. */
export const communicationsByCase = (ctx: CollectionsContext) =>
  ctx.loaders.get('cases.communicationsByCase', () => groupLoader<Communication, number>(ctx.em, Communication, 'caseId', { contactTime: 'desc', id: 'desc' }));

/** A case's promises to pay, newest first (the detail's ptp_records). */
export const ptpsByCase = (ctx: CollectionsContext) =>
  ctx.loaders.get('cases.ptpsByCase', () => groupLoader<Ptp, number>(ctx.em, Ptp, 'caseId', { createdAt: 'desc', id: 'desc' }));
