import { Field, ObjectType } from 'type-graphql';
import { ApiCredential } from '../entities';

@ObjectType()
export class IssuedApiCredential {
  @Field(() => ApiCredential)
  credential!: ApiCredential;

  @Field({ description: 'Shown once: only its encryption is stored; it cannot be read again.' })
  apiSecret!: string;
}
