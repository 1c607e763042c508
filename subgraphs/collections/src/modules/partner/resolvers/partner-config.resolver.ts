import { allow, badInput, can, type IRules } from '@platform/kit';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { CollectionsContext } from '../../../collections.context';
import { businessRules, storeBusinessRules } from '../../config/services/business-rules';
import { tenantZone } from '../../config/services/tenant-day';
import { oneTenant } from '../../config/services/tenant-target';
import { authenticatePartner } from '../services/partner-auth';
import { businessRulesBody, fieldMappingBody, parseBody } from '../services/partner-bodies';
import { fieldMapping, storeFieldMapping } from '../services/partner-field-mapping';
import { PartnerRequestInput } from './partner.inputs';
import { PartnerBusinessRuleSetType, PartnerBusinessRulesResult, PartnerFieldMapping, PartnerFieldMappingResult } from './partner.types';

/**
 * Partner § 7: the tenant's core system configures how its pushes read (field mapping) and the tenant's business
 * rules, signed like every push (authenticatePartner); the tenant's administrators read both back.
 */
@Resolver()
export class PartnerConfigResolver {
  @Mutation(() => PartnerFieldMappingResult, {
    description: 'Partner § 7.1: which of the partner’s field names stand for which of § 2.1’s; later case pushes are read through it.',
  })
  async partnerConfigureFieldMapping(@Arg('request') request: PartnerRequestInput, @Ctx() ctx: CollectionsContext): Promise<PartnerFieldMappingResult> {
    const tenantId = await authenticatePartner(ctx, request);
    const body = parseBody(fieldMappingBody, request.rawBody);
    sameTenant(body.tenant_code, request.tenantCode);
    const entries = body.mapping_configs.map((c) => ({
      standardFieldKey: c.standard_field_key,
      tenantFieldKey: c.tenant_field_key,
      tenantFieldName: c.tenant_field_name,
      dataType: c.data_type,
    }));
    const stored = await storeFieldMapping(ctx.em, tenantId, entries);
    if ('clash' in stored) {
      const field = `mapping_configs.${stored.clash.index}.tenant_field_key`;
      throw badInput(field, `${field} ${stored.clash.tenantFieldKey} is already mapped to another standard field`);
    }
    return { tenantCode: request.tenantCode, mappingConfigs: stored.mapping, updatedAt: new Date(), zone: await tenantZone(ctx.em, tenantId) };
  }

  @Mutation(() => PartnerBusinessRulesResult, {
    description: 'Partner § 7.2: a rule set of one type (queue_assignment, tenant_settings), replacing the previous one; tenant_settings sets the tenant’s settings.',
  })
  async partnerConfigureBusinessRules(@Arg('request') request: PartnerRequestInput, @Ctx() ctx: CollectionsContext): Promise<PartnerBusinessRulesResult> {
    const tenantId = await authenticatePartner(ctx, request);
    const body = parseBody(businessRulesBody, request.rawBody);
    sameTenant(body.tenant_code, request.tenantCode);
    const set = await storeBusinessRules(ctx.em, tenantId, body.rule_type, body.rules);
    return {
      tenantCode: request.tenantCode,
      ruleType: set.ruleType,
      rulesCount: set.rules.length,
      updatedAt: new Date(set.updatedAt),
      zone: await tenantZone(ctx.em, tenantId),
    };
  }

  @Query(() => PartnerFieldMapping, { description: 'The tenant’s partner field mapping (partner § 7.1): the caller’s tenant; the super admin names one.' })
  async partnerFieldMapping(@Arg('tenantId', () => ID, { nullable: true }) tenantId: string | null, @Ctx() ctx: CollectionsContext): Promise<PartnerFieldMapping> {
    const id = oneTenant(ctx, tenantId);
    return { tenantId: id, entries: await fieldMapping(ctx.em, id) };
  }

  @Query(() => [PartnerBusinessRuleSetType], { description: 'The tenant’s partner business rule sets (partner § 7.2), by rule type: the caller’s tenant; the super admin names one.' })
  async partnerBusinessRules(@Arg('tenantId', () => ID, { nullable: true }) tenantId: string | null, @Ctx() ctx: CollectionsContext): Promise<PartnerBusinessRuleSetType[]> {
    const id = oneTenant(ctx, tenantId);
    const sets = await businessRules(ctx.em, id);
    return sets.map((set) => ({ ruleType: set.ruleType, rules: set.rules as Record<string, unknown>[], updatedAt: new Date(set.updatedAt) }));
  }
}

/** A body's tenant_code (§ 7), when sent, must be the tenant whose key signed it. */
function sameTenant(bodyCode: string | null | undefined, signedCode: string): void {
  if (bodyCode && bodyCode !== signedCode) throw badInput('tenant_code', `tenant_code must be ${signedCode}, the tenant of the API key`);
}

export const partnerConfigRules: IRules = {
  Mutation: {
    // Anonymous by design: the signature verified inside (authenticatePartner) is the authentication.
    partnerConfigureFieldMapping: allow,
    partnerConfigureBusinessRules: allow,
  },
  Query: {
    partnerFieldMapping: can('system_config:view'),
    partnerBusinessRules: can('system_config:view'),
  },
  PartnerFieldMappingResult: allow,
  PartnerBusinessRulesResult: allow,
  PartnerFieldMappingEntryType: allow,
  PartnerFieldMapping: can('system_config:view'),
  PartnerBusinessRuleSetType: can('system_config:view'),
};
