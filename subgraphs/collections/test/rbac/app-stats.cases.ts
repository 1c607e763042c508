import type { RbacCase } from '@platform/testkit';
import { ADMINS, CONSOLE, RBAC_ROLES } from './roles';

/** Who uses the app's reads and tools: collectors and the console (cases:view). */
const APP = [...CONSOLE, 'collector'];
/** The "my" figures and hours: the app's own roles (identity's COLLECTOR_APP_ROLES). */
const MINE = ['TeamLeader', 'collector'];

/** The collector app's statistics, knowledge base, feedback and tools (CCO app § 2, § 8, § 10–12). */
export const appCases: Record<string, RbacCase> = {
  'Query.myDashboard': { query: '{ myDashboard { todoList { count } } }', allow: MINE },
  'Query.collectorRanking': { query: '{ collectorRanking { total } }', allow: MINE },
  'Query.myPerformance': { query: '{ myPerformance { period } }', allow: MINE },
  'Query.myDailyStats': { query: '{ myDailyStats { date } }', allow: MINE },
  'Query.myCaseStats': { query: '{ myCaseStats { totalCases } }', allow: MINE },
  'Query.knowledgeArticles': { query: '{ knowledgeArticles(kind: "faq") { total } }', allow: APP },
  'Query.searchKnowledge': { query: '{ searchKnowledge(keyword: "x") { total } }', allow: APP },
  'Mutation.useKnowledgeArticle': { query: 'mutation { useKnowledgeArticle(id: "999") { id } }', allow: APP },
  'Mutation.createKnowledgeArticle': { query: 'mutation { createKnowledgeArticle(input: {}) { id } }', allow: ADMINS },
  'Mutation.updateKnowledgeArticle': { query: 'mutation { updateKnowledgeArticle(id: "999", input: {}) { id } }', allow: ADMINS },
  'Mutation.deleteKnowledgeArticle': { query: 'mutation { deleteKnowledgeArticle(id: "999") }', allow: ADMINS },
  'Mutation.submitAppFeedback': { query: 'mutation { submitAppFeedback(input: { feedbackType: "x", title: "", content: "" }) { id } }', allow: APP },
  'Query.appFeedback': { query: '{ appFeedback { total } }', allow: ADMINS },
  'Query.calculateRepayment': {
    query: '{ calculateRepayment(input: { principal: "1", interestRate: "0", days: 0, penaltyRate: "0" }) { totalAmount } }',
    allow: APP,
  },
  'Query.validatePhone': { query: '{ validatePhone(number: "1") { isValid } }', allow: APP },
  'Query.myWorkingHours': { query: '{ myWorkingHours { isWorkingTime } }', allow: MINE },
  // The version check comes before sign-in: everyone.
  'Query.appVersionCheck': { query: '{ appVersionCheck(platform: "ios", currentVersion: "1.0.0") { hasUpdate } }', allow: Object.keys(RBAC_ROLES) },
};
