import { isAuthenticated } from '@platform/kit';
import type { CollectionsModule } from '../module';
import { KnowledgeArticlePage, KnowledgeResolver, knowledgeRules } from './resolvers/knowledge.resolver';

/** The collector app's knowledge base and help centre (CCO app § 10, § 12.3): tenant-scoped articles admins maintain. */
export const knowledgeModule: CollectionsModule = {
  resolvers: [KnowledgeResolver],
  orphanedTypes: [KnowledgeArticlePage],
  permissions: {
    ...knowledgeRules,
    // The root fields decide who reaches an article.
    KnowledgeArticle: isAuthenticated,
    KnowledgeArticlePage: isAuthenticated,
  },
};
