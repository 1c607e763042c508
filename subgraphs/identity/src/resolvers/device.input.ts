import { IsOptional, MaxLength, MinLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

/** The collector app's device, as its login sends it (`device_id`, `device_type`, `device_model`, …). */
@InputType()
export class DeviceInput {
  @Field({ description: '`device_id`: stable per installation; a re-login from it reuses its slot.' })
  @MinLength(1)
  @MaxLength(128)
  deviceId!: string;

  @Field(() => String, { nullable: true, description: 'A name to show in the device list.' })
  @IsOptional()
  @MaxLength(128)
  deviceName?: string | null;

  @Field(() => String, { nullable: true, description: '`device_type`, e.g. mobile.' })
  @IsOptional()
  @MaxLength(32)
  deviceType?: string | null;

  @Field(() => String, { nullable: true, description: '`device_model`, e.g. iPhone 13.' })
  @IsOptional()
  @MaxLength(128)
  deviceModel?: string | null;

  @Field(() => String, { nullable: true, description: '`os_version`, e.g. iOS 16.0.' })
  @IsOptional()
  @MaxLength(64)
  osVersion?: string | null;

  @Field(() => String, { nullable: true, description: '`app_version`.' })
  @IsOptional()
  @MaxLength(32)
  appVersion?: string | null;
}
