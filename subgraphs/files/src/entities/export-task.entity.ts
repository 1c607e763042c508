import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, Property } from '@mikro-orm/decorators/legacy';
import { TenantScopedUuidEntity, type Caller } from '@platform/kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum TaskStatus {
  pending = 'pending',
  processing = 'processing',
  completed = 'completed',
  failed = 'failed',
}
registerEnumType(TaskStatus, { name: 'TaskStatus' });

@ObjectType({ description: 'A background export (004 `/api/tasks/{task_id}`): pages through a query as its requester into an .xlsx.' })
@Entity()
@Index({ properties: ['status'] })
export class ExportTask extends TenantScopedUuidEntity {
  @Field(() => ID, { nullable: true })
  @Property({ type: 'integer', nullable: true, index: true })
  override tenantId: number | null = null;

  @Field(() => ID)
  @Property({ type: 'string', length: 36 })
  ownerId!: string;

  @Field({ description: 'What is exported, e.g. `users`, `workLogs`.' })
  @Property({ type: 'string', length: 50 })
  kind!: string;

  /** The kind's filter, as the requester gave it. */
  @Property({ type: 'json' })
  filter!: Record<string, unknown>;

  /** Whom the export runs as: the requester's claims, minted into a short-lived token per run. */
  @Property({ type: 'json' })
  requester!: Caller;

  @Field(() => TaskStatus)
  @Enum({ items: () => TaskStatus })
  status: TaskStatus & Opt = TaskStatus.pending;

  @Field(() => Int, { description: '0\u2013100, advancing with the rows written.' })
  @Property({ type: 'integer' })
  progress: number & Opt = 0;

  @Field(() => Int, { nullable: true, description: 'Rows to write, once the first page told.' })
  @Property({ type: 'integer', nullable: true })
  totalRows?: number | null;

  @Field(() => String, { nullable: true, description: 'When completed: the file under `/downloads/`.' })
  @Property({ type: 'string', length: 255, nullable: true, unique: true })
  fileName?: string | null;

  @Field(() => ID, { nullable: true, description: 'When completed: the stored file.' })
  @Property({ type: 'string', length: 36, nullable: true })
  fileId?: string | null;

  @Field(() => String, { nullable: true, description: 'When failed: why.' })
  @Property({ type: 'string', length: 500, nullable: true })
  errorMessage?: string | null;
}
