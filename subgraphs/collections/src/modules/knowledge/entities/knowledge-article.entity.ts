import { type Opt } from '@mikro-orm/core';
import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { TenantScopedEntity } from '@platform/kit';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** What an article is: a call script (话术模板), a question and answer (FAQ) or a help-centre page (帮助中心). */
export const KNOWLEDGE_KINDS = ['script', 'faq', 'help'] as const;
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];

/**
 * One piece of a tenant's knowledge base for the collector app (CCO app § 10, § 12.3): admins write it, collectors
 * read and search it. A FAQ's question is its `title` and its answer its `content`.
 */
@ObjectType()
@Entity({ tableName: 'knowledge_article' })
@Index({ properties: ['tenantId', 'kind', 'sortOrder'] })
export class KnowledgeArticle extends TenantScopedEntity {
  @Field(() => ID)
  @Property({ type: 'integer', index: true, nullable: false })
  override tenantId!: number;

  @Field(() => String, { description: 'script, faq or help.' })
  @Property({ type: 'string', length: 16 })
  kind!: KnowledgeKind;

  @Field(() => String, { description: 'The script’s or help page’s title; a FAQ’s question.' })
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String, { description: 'The script’s text (placeholders like {customer_name} kept), a FAQ’s answer, a help page’s body.' })
  @Property({ type: 'text' })
  content!: string;

  @Field(() => String, { nullable: true, description: 'e.g. opening, negotiation, closing, objection_handling.' })
  @Property({ type: 'string', length: 50, nullable: true })
  category?: string | null;

  @Field(() => String, { nullable: true, description: 'Scripts: first_contact, follow_up, ptp, threat.' })
  @Property({ type: 'string', length: 50, nullable: true })
  scenario?: string | null;

  @Field(() => String, { nullable: true, description: 'Scripts: advice on how to use it.' })
  @Property({ type: 'string', length: 1000, nullable: true })
  tips?: string | null;

  @Field(() => String, { nullable: true, description: 'Extra words the search matches, space or comma separated.' })
  @Property({ type: 'string', length: 500, nullable: true })
  keywords?: string | null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  sortOrder: number & Opt = 0;

  @Field(() => Int, { description: 'How often collectors opened it (scripts listed or found).' })
  @Property({ type: 'integer' })
  useCount: number & Opt = 0;

  @Field(() => Boolean, { description: 'Only active articles reach the app.' })
  @Property({ type: 'boolean' })
  isActive: boolean & Opt = true;
}
