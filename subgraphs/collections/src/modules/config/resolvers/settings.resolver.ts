import { can } from '@platform/kit';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { graphqlName, SETTINGS, tenantSettings, updateSettings, type SettingKey, type Settings } from '../services/settings';
import { oneTenant, writeTenant } from '../services/tenant-target';
import { CollectionsSettings, CollectionsSettingsInput } from './settings.types';

const toGraph = (tenantId: number, s: Settings): CollectionsSettings => ({
  tenantId,
  ...(Object.fromEntries(Object.entries(s).map(([k, v]) => [graphqlName(k), v])) as Omit<CollectionsSettings, 'tenantId'>),
});

/** GraphQL input (camelCase) → the settings' keys; a null means "unchanged" like a missing field. */
const fromGraph = (input: CollectionsSettingsInput): Partial<Record<SettingKey, unknown>> =>
  Object.fromEntries(
    (Object.keys(SETTINGS) as SettingKey[]).map((k) => [k, (input as Record<string, unknown>)[graphqlName(k)] ?? undefined]),
  );

@Resolver()
export class SettingsResolver {
  @Query(() => CollectionsSettings, { description: 'The tenant’s collections settings (the caller’s tenant; the super admin names one).' })
  async collectionsSettings(@Arg('tenantId', () => ID, { nullable: true }) tenantId: string | null, @Ctx() ctx: CollectionsContext) {
    const id = oneTenant(ctx, tenantId);
    return toGraph(id, await tenantSettings(ctx.em, id));
  }

  @Mutation(() => CollectionsSettings, { description: 'Changes some of the tenant’s settings; an invalid one is BAD_USER_INPUT naming it and changes nothing.' })
  async updateCollectionsSettings(
    @Arg('tenantId', () => ID, { nullable: true }) tenantId: string | null,
    @Arg('input', () => CollectionsSettingsInput) input: CollectionsSettingsInput,
    @Ctx() ctx: CollectionsContext,
  ) {
    const id = writeTenant(ctx, tenantId);
    return toGraph(id, await updateSettings(ctx.em, id, fromGraph(input)));
  }
}

export const settingsRules = {
  Query: { collectionsSettings: can('system_config:view') },
  Mutation: { updateCollectionsSettings: can('system_config:update') },
};
