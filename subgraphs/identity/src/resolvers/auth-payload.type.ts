import { Field, Int, ObjectType } from 'type-graphql';
import { User } from '../entities';

@ObjectType()
export class AuthPayload {
  @Field()
  accessToken!: string;

  @Field({ description: 'Opaque and rotating: each refresh answers a new one; presenting an old one ends the session.' })
  refreshToken!: string;

  @Field({ description: '"bearer"' })
  tokenType!: string;

  @Field(() => Int, { description: 'Seconds the access token lives (7200 on WEB, 86400 on APP).' })
  expiresIn!: number;

  @Field(() => Int, { description: 'Seconds the refresh token lives (7 days).' })
  refreshExpiresIn!: number;

  @Field(() => User)
  user!: User;
}
