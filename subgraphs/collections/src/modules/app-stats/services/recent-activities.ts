import type { CollectionsContext } from '../../../collections.context';
import { CollectionCase } from '../../cases/entities/collection-case.entity';
import { Communication } from '../../work/entities/communication.entity';
import { Ptp } from '../../work/entities/ptp.entity';
import { Repayment } from '../../work/entities/repayment.entity';
import type { AppActivity } from '../resolvers/app-stats.types';

const LIMIT = 10;

/**
 * The collector's newest work — communications, promises, confirmed repayments — merged newest first: the newest
 * LIMIT of each (three statements) and their cases' borrower names (one), however much work there is.
 */
export async function recentActivities(ctx: CollectionsContext, collectorId: number): Promise<AppActivity[]> {
  const newest = { limit: LIMIT };
  const [contacts, promises, repayments] = await Promise.all([
    ctx.em.find(Communication, { collectorId }, { ...newest, orderBy: { contactTime: 'desc', id: 'desc' }, fields: ['caseId', 'contactTime', 'contactMethod', 'contactResult'] }),
    ctx.em.find(Ptp, { collectorId }, { ...newest, orderBy: { createdAt: 'desc', id: 'desc' }, fields: ['caseId', 'createdAt', 'promiseAmount', 'promiseDate'] }),
    ctx.em.find(Repayment, { collectorId, confirmed: true }, { ...newest, orderBy: { repaymentDate: 'desc', id: 'desc' }, fields: ['caseId', 'repaymentDate', 'repaymentAmount'] }),
  ]);
  const caseIds = [...new Set([...contacts, ...promises, ...repayments].map((row) => row.caseId))];
  const cases = caseIds.length ? await ctx.em.find(CollectionCase, { id: { $in: caseIds } }, { fields: ['userName'] }) : [];
  const name = new Map(cases.map((c) => [c.id, c.userName]));
  const who = (caseId: number) => name.get(caseId) ?? '';
  const all: AppActivity[] = [
    ...contacts.map((c) => ({ time: c.contactTime, type: 'communication', content: `联系客户${who(c.caseId)}（${c.contactMethod}：${c.contactResult}）` })),
    ...promises.map((p) => ({ time: p.createdAt, type: 'ptp', content: `获得客户${who(p.caseId)}的还款承诺（${p.promiseAmount.toFixed(2)}元，${p.promiseDate}）` })),
    ...repayments.map((r) => ({ time: r.repaymentDate, type: 'repayment', content: `客户${who(r.caseId)}已还款${r.repaymentAmount.toFixed(2)}元` })),
  ];
  return all.sort((a, b) => b.time.getTime() - a.time.getTime()).slice(0, LIMIT);
}
