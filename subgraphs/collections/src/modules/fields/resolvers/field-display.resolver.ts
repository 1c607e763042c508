import { can } from '@platform/kit';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { oneTenant, writeTenant } from '../../config/services/tenant-target';
import { FieldDisplay } from '../entities/field-display.entity';
import { assertScene, fieldDisplayOf, replaceFieldDisplay } from '../services/field-display.service';
import { SCENE_TYPES } from '../services/scenes';
import { SetFieldDisplayInput } from './field.inputs';

const SCENES = `Scenes: ${SCENE_TYPES.join(', ')}.`;

@Resolver(() => FieldDisplay)
export class FieldDisplayResolver {
  @Query(() => [FieldDisplay], { description: `The tenant’s display of one scene, in order (empty when never configured). ${SCENES}` })
  fieldDisplay(
    @Arg('tenantId', () => ID, { nullable: true }) tenantId: string | null,
    @Arg('sceneType') sceneType: string,
    @Ctx() ctx: CollectionsContext,
  ) {
    const id = oneTenant(ctx, tenantId);
    assertScene(sceneType);
    return fieldDisplayOf(ctx.em, id, sceneType);
  }

  @Mutation(() => [FieldDisplay], { description: `Replaces the tenant’s display of one scene with these fields, in one transaction. ${SCENES}` })
  setFieldDisplay(@Arg('input', () => SetFieldDisplayInput) input: SetFieldDisplayInput, @Ctx() ctx: CollectionsContext) {
    return replaceFieldDisplay(ctx.em, writeTenant(ctx, input.tenantId), input.sceneType, input.fields);
  }
}

export const fieldDisplayRules = {
  Query: { fieldDisplay: can('fields:view') },
  Mutation: { setFieldDisplay: can('fields:update') },
};
