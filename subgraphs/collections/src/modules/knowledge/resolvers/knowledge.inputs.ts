import { IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { NotBlank, optionalField, OptionalText, PageArgs } from '@platform/kit';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { KNOWLEDGE_KINDS, type KnowledgeKind } from '../entities/knowledge-article.entity';

const CODE = /^[a-z][a-z0-9_]*$/;
const CODE_MESSAGE = 'must be a lower_snake_case code';
const KIND_MESSAGE = `kind must be one of ${KNOWLEDGE_KINDS.join(', ')}`;

/** The fields an admin writes; a create requires kind, title and content, an update changes what it names. */
@InputType({ description: 'A knowledge-base article (script, FAQ or help page) for the collector app.' })
export class KnowledgeArticleInput {
  @optionalField(() => ID, { description: 'Required for the platform super admin; others write in their own tenant.' })
  tenantId?: string;

  @optionalField(() => String, { description: 'script, faq or help (required on create; cannot change).' })
  @IsIn(KNOWLEDGE_KINDS, { message: KIND_MESSAGE })
  kind?: KnowledgeKind;

  @OptionalText(200, { description: 'Required on create.' })
  title?: string;

  @optionalField(() => String, { description: 'Required on create.' })
  @NotBlank()
  @MaxLength(20_000)
  content?: string;

  @optionalField(() => String)
  @MaxLength(50)
  @Matches(CODE, { message: `category ${CODE_MESSAGE}` })
  category?: string | null;

  @optionalField(() => String)
  @MaxLength(50)
  @Matches(CODE, { message: `scenario ${CODE_MESSAGE}` })
  scenario?: string | null;

  @OptionalText(1000)
  tips?: string | null;

  @OptionalText(500)
  keywords?: string | null;

  @optionalField(() => Int)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  sortOrder?: number;

  @optionalField(() => Boolean)
  @IsBoolean()
  isActive?: boolean;
}

const Page = PageArgs({ size: 20 });

@ArgsType()
export class KnowledgeArticlesArgs extends Page {
  @Field(() => String, { description: 'script, faq or help.' })
  @IsIn(KNOWLEDGE_KINDS, { message: KIND_MESSAGE })
  kind!: KnowledgeKind;

  @optionalField(() => String)
  @MaxLength(50)
  category?: string | null;

  @optionalField(() => String)
  @MaxLength(50)
  scenario?: string | null;

  @optionalField(() => Boolean, { description: 'Admins may list inactive articles too (default: active only); collectors always see active ones.' })
  @IsOptional()
  @IsBoolean()
  includeInactive?: boolean | null;
}

@ArgsType()
export class SearchKnowledgeArgs extends Page {
  @Field(() => String, { description: 'Matched literally inside title, content and keywords.' })
  @NotBlank()
  @MaxLength(100)
  keyword!: string;

  @optionalField(() => String, { description: 'Only this kind (default: scripts, FAQs and help pages).' })
  @IsIn(KNOWLEDGE_KINDS, { message: KIND_MESSAGE })
  kind?: KnowledgeKind | null;
}
