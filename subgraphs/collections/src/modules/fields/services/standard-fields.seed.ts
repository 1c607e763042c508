import type { EntityManager } from '@mikro-orm/core';
import { FieldGroup } from '../entities/field-group.entity';
import { StandardField } from '../entities/standard-field.entity';

type Group = [key: string, name: string, nameEn: string];
type Def = [key: string, name: string, nameEn: string, type: string, required?: boolean];

/** The standard field groups (CCO admin § 9.3), platform-wide. */
const GROUPS: Group[] = [
  ['customer_basic', '客户基础信息', 'Customer Basic Info'],
  ['loan_info', '贷款信息', 'Loan Info'],
  ['repayment_info', '还款信息', 'Repayment Info'],
  ['assignment_info', '分案信息', 'Assignment Info'],
];

/** The case fields of the CCO documents (case list, detail, partner push), per group, in their default order. */
const FIELDS: Record<string, Def[]> = {
  customer_basic: [
    ['case_code', '案件编号', 'Case Code', 'String', true],
    ['user_name', '客户姓名', 'Customer Name', 'String', true],
    ['mobile', '手机号', 'Mobile', 'String', true],
    ['id_number', '证件号码', 'ID Number', 'String'],
    ['email', '邮箱', 'Email', 'String'],
    ['address', '地址', 'Address', 'String'],
    ['gender', '性别', 'Gender', 'Enum'],
    ['date_of_birth', '出生日期', 'Date of Birth', 'Date'],
  ],
  loan_info: [
    ['loan_id', '贷款编号', 'Loan ID', 'String'],
    ['loan_product_name', '贷款产品', 'Loan Product', 'String'],
    ['loan_amount', '贷款金额', 'Loan Amount', 'Decimal', true],
    ['loan_date', '放款日期', 'Loan Date', 'Date'],
    ['due_date', '到期日期', 'Due Date', 'Date', true],
    ['loan_term', '贷款期限', 'Loan Term', 'Integer'],
    ['interest_rate', '利率', 'Interest Rate', 'Decimal'],
  ],
  repayment_info: [
    ['repaid_amount', '已还金额', 'Repaid Amount', 'Decimal'],
    ['outstanding_principal', '未还本金', 'Outstanding Principal', 'Decimal'],
    ['outstanding_interest', '未还利息', 'Outstanding Interest', 'Decimal'],
    ['outstanding_penalty', '未还罚息', 'Outstanding Penalty', 'Decimal'],
    ['outstanding_amount', '未还总额', 'Outstanding Amount', 'Decimal', true],
    ['overdue_days', '逾期天数', 'Overdue Days', 'Integer', true],
    ['overdue_amount', '逾期金额', 'Overdue Amount', 'Decimal'],
    ['settlement_date', '结清日期', 'Settlement Date', 'Date'],
  ],
  assignment_info: [
    ['case_status', '案件状态', 'Case Status', 'Enum', true],
    ['case_priority', '案件优先级', 'Case Priority', 'Enum'],
    ['case_tags', '案件标签', 'Case Tags', 'String'],
    ['queue_name', '所属队列', 'Queue', 'String'],
    ['agency_name', '所属机构', 'Agency', 'String'],
    ['team_name', '所属小组', 'Team', 'String'],
    ['collector_name', '催员', 'Collector', 'String'],
    ['assigned_at', '分配时间', 'Assigned At', 'Datetime'],
    ['last_contact_at', '最后联系时间', 'Last Contact At', 'Datetime'],
  ],
};

/** Every standard field key, in the default order (the fallback of a display nobody configured). */
export const STANDARD_FIELD_KEYS: readonly string[] = Object.values(FIELDS).flatMap((defs) => defs.map(([key]) => key));

/**
 * Writes the groups and fields that are missing (by key), leaving existing rows alone: a super admin's order and
 * a field they switched off survive every start. Runs on every start (the subgraph's seed).
 */
export async function seedStandardFields(em: EntityManager): Promise<void> {
  const groups = new Map((await em.find(FieldGroup, {})).map((g) => [g.groupKey, g]));
  GROUPS.forEach(([groupKey, groupName, groupNameEn], i) => {
    if (!groups.has(groupKey)) groups.set(groupKey, em.create(FieldGroup, { groupKey, groupName, groupNameEn, sortOrder: i + 1 }));
  });
  await em.flush();
  const known = new Set((await em.find(StandardField, {}, { fields: ['fieldKey'] })).map((f) => f.fieldKey));
  let sortOrder = 0;
  for (const [groupKey, defs] of Object.entries(FIELDS)) {
    for (const [fieldKey, fieldName, fieldNameEn, fieldType, isRequired = false] of defs) {
      sortOrder++;
      if (known.has(fieldKey)) continue;
      em.create(StandardField, { fieldKey, fieldName, fieldNameEn, fieldType, isRequired, fieldGroupId: groups.get(groupKey)!.id, sortOrder });
    }
  }
  await em.flush();
}
