import { MaxLength, MinLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { OptionalText } from '@platform/kit';

/** The collector app's device, as its login sends it (`device_id`, `device_type`, `device_model`, …). */
@InputType()
export class DeviceInput {
  @Field({ description: '`device_id`: stable per installation; a re-login from it reuses its slot.' })
  @MinLength(1)
  @MaxLength(128)
  deviceId!: string;

  @OptionalText(128, { description: 'A name to show in the device list.' })
  deviceName?: string | null;

  @OptionalText(32, { description: '`device_type`, e.g. mobile.' })
  deviceType?: string | null;

  @OptionalText(128, { description: '`device_model`, e.g. iPhone 13.' })
  deviceModel?: string | null;

  @OptionalText(64, { description: '`os_version`, e.g. iOS 16.0.' })
  osVersion?: string | null;

  @OptionalText(32, { description: '`app_version`.' })
  appVersion?: string | null;
}
