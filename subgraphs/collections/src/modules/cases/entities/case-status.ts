/** A case's status (CCO documents): pending → partial → settled, or closed by recall, written off, etc. */
export const CASE_STATUSES = [
  'pending_repayment',
  'partial_repayment',
  'settled',
  'promised',
  'recalled',
  'closed',
  'written_off',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which a case is still worked (assignable, counted as a collector's current case). */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ['pending_repayment', 'partial_repayment', 'promised'];
