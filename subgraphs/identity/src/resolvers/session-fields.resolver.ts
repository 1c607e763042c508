import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Session } from '../entities';
import type { IdentityContext } from '../identity.context';

@Resolver(() => Session)
export class SessionFieldsResolver {
  @FieldResolver(() => Boolean, { description: 'The session the request’s own token belongs to ("this device").' })
  current(@Root() session: Session, @Ctx() ctx: IdentityContext): boolean {
    return session.sid === ctx.caller?.sessionId;
  }
}
