import { Entity, Enum, Index, Property } from '@mikro-orm/decorators/legacy';
import { TenantScopedUuidEntity } from '@platform/kit';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserStub } from './user.stub';
import type { Opt } from '@mikro-orm/core';

export enum FileCategory {
  avatar = 'avatar',
  document = 'document',
  export = 'export',
}
registerEnumType(FileCategory, { name: 'FileCategory', description: '004 upload categories; `export` holds export results.' });

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A stored file: its bytes are in object storage under `storageKey`, never in the graph.' })
@Entity()
@Index({ properties: ['ownerId', 'category'] })
export class StoredFile extends TenantScopedUuidEntity {
  @Field(() => ID, { nullable: true, description: 'Null for the platform super admin\u2019s own files.' })
  @Property({ type: 'integer', nullable: true, index: true })
  override tenantId: number | null = null;

  @Field(() => ID)
  @Property({ type: 'string', length: 36 })
  ownerId!: string;

  @Field(() => UserStub)
  get owner(): UserStub & Opt {
    return { id: this.ownerId };
  }

  @Field(() => FileCategory)
  @Enum({ items: () => FileCategory })
  category!: FileCategory;

  @Field({ description: 'The name it was uploaded (or exported) under.' })
  @Property({ type: 'string', length: 255 })
  originalName!: string;

  @Field({ description: 'Sniffed from the bytes where they show one, else as declared.' })
  @Property({ type: 'string', length: 200 })
  contentType!: string;

  @Field(() => Int, { description: 'Bytes.' })
  @Property({ type: 'integer' })
  size!: number;

  @Field()
  @Property({ type: 'string', length: 64 })
  sha256!: string;

  @Field({ description: 'Where the bytes are in object storage (for the REST adapter, which streams them).' })
  @Property({ type: 'string', length: 300 })
  storageKey!: string;
}
