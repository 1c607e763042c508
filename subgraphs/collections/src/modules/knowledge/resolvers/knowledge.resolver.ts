import { can, PageType, parseId, type Paged } from '@platform/kit';
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { CollectionsErrors } from '../../../collections.errors';
import { worksCases } from '../../work/resolvers/work.rules';
import { KnowledgeArticle } from '../entities/knowledge-article.entity';
import { createArticle, deleteArticle, KNOWLEDGE_MANAGE, listArticles, searchArticles, updateArticle, useArticle } from '../services/knowledge.service';
import { KnowledgeArticleInput, KnowledgeArticlesArgs, SearchKnowledgeArgs } from './knowledge.inputs';

export const KnowledgeArticlePage = PageType(KnowledgeArticle);

const idOf = (id: string) => {
  const parsed = parseId(id);
  if (parsed === null) throw CollectionsErrors.invalidId('id');
  return parsed;
};

/** The collector app's knowledge base (CCO app § 10) and help centre (§ 12.3): collectors read, admins maintain. */
@Resolver(() => KnowledgeArticle)
export class KnowledgeResolver {
  @Query(() => KnowledgeArticlePage, { description: 'Scripts, FAQs or help pages of the caller’s tenant, by sort order, filtered by category and scenario.' })
  knowledgeArticles(@Args(() => KnowledgeArticlesArgs) args: KnowledgeArticlesArgs, @Ctx() ctx: CollectionsContext): Promise<Paged<KnowledgeArticle>> {
    return listArticles(ctx, args, args.window());
  }

  @Query(() => KnowledgeArticlePage, { description: 'Active articles whose title, content or keywords contain the keyword; by kind, then sort order.' })
  searchKnowledge(@Args(() => SearchKnowledgeArgs) args: SearchKnowledgeArgs, @Ctx() ctx: CollectionsContext): Promise<Paged<KnowledgeArticle>> {
    return searchArticles(ctx, args.keyword, args.kind, args.window());
  }

  @Mutation(() => KnowledgeArticle, { description: 'A collector used a script: adds one to its useCount.' })
  useKnowledgeArticle(@Arg('id', () => ID) id: string, @Ctx() ctx: CollectionsContext): Promise<KnowledgeArticle> {
    return useArticle(ctx, idOf(id));
  }

  @Mutation(() => KnowledgeArticle, { description: 'Adds an article (kind, title and content required).' })
  createKnowledgeArticle(@Arg('input', () => KnowledgeArticleInput) input: KnowledgeArticleInput, @Ctx() ctx: CollectionsContext): Promise<KnowledgeArticle> {
    return createArticle(ctx, input);
  }

  @Mutation(() => KnowledgeArticle, { description: 'Changes the fields given (null clears an optional one); the kind stays.' })
  updateKnowledgeArticle(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => KnowledgeArticleInput) input: KnowledgeArticleInput,
    @Ctx() ctx: CollectionsContext,
  ): Promise<KnowledgeArticle> {
    return updateArticle(ctx, idOf(id), input);
  }

  @Mutation(() => Boolean, { description: 'Deletes an article of the caller’s tenant.' })
  deleteKnowledgeArticle(@Arg('id', () => ID) id: string, @Ctx() ctx: CollectionsContext): Promise<boolean> {
    return deleteArticle(ctx, idOf(id));
  }
}

export const knowledgeRules = {
  Query: { knowledgeArticles: worksCases, searchKnowledge: worksCases },
  Mutation: {
    useKnowledgeArticle: worksCases,
    createKnowledgeArticle: can(KNOWLEDGE_MANAGE),
    updateKnowledgeArticle: can(KNOWLEDGE_MANAGE),
    deleteKnowledgeArticle: can(KNOWLEDGE_MANAGE),
  },
};
