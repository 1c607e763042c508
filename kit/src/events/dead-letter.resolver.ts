import { IsOptional, MaxLength } from 'class-validator';
import { Arg, Args, ArgsType, Ctx, Directive, Field, ID, Mutation, Query, Resolver, type ClassType } from 'type-graphql';
import type { RequestContext } from '../context';
import { PageType } from '../page';
import { PageArgs } from '../page-args';
import { isSuperAdmin, type IRules } from '../shield';
import { DeadLetter } from './dead-letter.entity';
import { listDeadLetters, replayDeadLetter } from './dead-letter.service';
import type { EventConsumer } from './event-consumer';

export const DeadLetterPage = PageType(DeadLetter);
// Served by every subgraph with consumers, as DeadLetter is.
Directive('@shareable')(DeadLetterPage);

@ArgsType()
export class DeadLettersArgs extends PageArgs({ size: 20 }) {
  @Field({ defaultValue: false, description: 'true: the letters already replayed instead of those waiting.' })
  replayed: boolean = false;

  @Field(() => String, { nullable: true, description: 'Only this consumer\'s letters.' })
  @IsOptional()
  @MaxLength(100)
  consumer?: string | null;
}

/**
 * The root field names of one subgraph's dead letters. Federation refuses two subgraphs defining one root field,
 * so each subgraph with consumers serves its own pair: `activityDeadLetters` / `replayActivityDeadLetter`.
 */
export function deadLetterFieldNames(subgraph: string): { list: string; replay: string } {
  if (!/^[a-z][A-Za-z0-9]*$/.test(subgraph)) throw new Error(`'${subgraph}' cannot prefix a GraphQL field name`);
  const capitalised = subgraph[0].toUpperCase() + subgraph.slice(1);
  return { list: `${subgraph}DeadLetters`, replay: `replay${capitalised}DeadLetter` };
}

/**
 * The resolver a subgraph with consumers adds to its schema: list and replay its dead letters. Call it once per
 * subgraph at module level (type-graphql keeps resolver metadata globally), with the same consumers it starts.
 */
export function deadLetterResolver(subgraph: string, consumers: readonly EventConsumer[]): ClassType {
  const names = deadLetterFieldNames(subgraph);

  @Resolver()
  class SubgraphDeadLetterResolver {
    @Query(() => DeadLetterPage, { name: names.list, description: `${subgraph}'s dead letters, newest first.` })
    list(@Args() args: DeadLettersArgs, @Ctx() ctx: RequestContext) {
      return listDeadLetters(ctx.em, { ...args.window(), replayed: args.replayed, consumer: args.consumer });
    }

    @Mutation(() => DeadLetter, {
      name: names.replay,
      description: `Hands one of ${subgraph}'s dead letters to its consumer again; a failure is recorded on it.`,
    })
    replay(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
      return replayDeadLetter(ctx.em, consumers, id);
    }
  }
  return SubgraphDeadLetterResolver;
}

/** The shield rules of those fields: the platform super admin only. Merge them into the subgraph's own. */
export function deadLetterPermissions(subgraph: string): IRules {
  const names = deadLetterFieldNames(subgraph);
  return {
    Query: { [names.list]: isSuperAdmin },
    Mutation: { [names.replay]: isSuperAdmin },
    DeadLetter: isSuperAdmin,
    DeadLetterPage: isSuperAdmin,
  };
}
