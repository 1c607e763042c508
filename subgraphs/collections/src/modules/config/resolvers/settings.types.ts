import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { SETTINGS } from '../services/settings';

const about = (key: keyof typeof SETTINGS) => `${SETTINGS[key].description} Default: ${JSON.stringify(SETTINGS[key].fallback)}.`;

/** A tenant's collections settings (every key; defaults where the tenant never set one). */
@ObjectType()
export class CollectionsSettings {
  @Field(() => Int)
  tenantId!: number;

  @Field(() => Float, { description: about('penalty_cap_rate') })
  penaltyCapRate!: number;

  @Field(() => String, { description: about('default_auto_assign_strategy') })
  defaultAutoAssignStrategy!: string;

  @Field(() => Int, { description: about('idle_threshold_minutes') })
  idleThresholdMinutes!: number;

  @Field(() => Int, { description: about('max_cases_per_collector') })
  maxCasesPerCollector!: number;

  @Field(() => Int, { description: about('ptp_grace_days') })
  ptpGraceDays!: number;

  @Field(() => Int, { description: about('ptp_max_days') })
  ptpMaxDays!: number;

  @Field(() => Boolean, { description: about('case_recall_unassigns') })
  caseRecallUnassigns!: boolean;

  @Field(() => Boolean, { description: about('sms_device_verification') })
  smsDeviceVerification!: boolean;

  @Field(() => String, { description: about('currency_code') })
  currencyCode!: string;

  @Field(() => String, { description: about('time_zone') })
  timeZone!: string;
}

/** The settings to change; those left out keep their value. Each is validated by its key's rule. */
@InputType()
export class CollectionsSettingsInput {
  @Field(() => Float, { nullable: true })
  penaltyCapRate?: number;

  @Field(() => String, { nullable: true, description: 'balanced, performance or specialty.' })
  defaultAutoAssignStrategy?: string;

  @Field(() => Int, { nullable: true })
  idleThresholdMinutes?: number;

  @Field(() => Int, { nullable: true })
  maxCasesPerCollector?: number;

  @Field(() => Int, { nullable: true })
  ptpGraceDays?: number;

  @Field(() => Int, { nullable: true })
  ptpMaxDays?: number;

  @Field(() => Boolean, { nullable: true })
  caseRecallUnassigns?: boolean;

  @Field(() => Boolean, { nullable: true })
  smsDeviceVerification?: boolean;

  @Field(() => String, { nullable: true, description: 'ISO 4217, e.g. PHP.' })
  currencyCode?: string;
}
