import { IsOptional, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { LoginChannel } from '../entities';
import { DeviceInput } from './device.input';
import { LoginAudience } from './login-audience.enum';

/** Base64 of a photo of at most 2 MiB (face-image.ts), with room for a `data:` prefix. */
export const MAX_FACE_IMAGE_CHARS = 2_800_000;

@InputType({ description: 'Face sign-in: the login id and a photo in place of the password; otherwise as LoginInput.' })
export class FaceLoginInput {
  @Field({ description: 'Username (CCO loginId) or e-mail.' })
  @MinLength(1)
  @MaxLength(255)
  login!: string;

  @Field({ description: 'The photo, base64 (JPEG or PNG, at most 2 MiB), showing exactly one face.' })
  @MinLength(1)
  @MaxLength(MAX_FACE_IMAGE_CHARS)
  faceImage!: string;

  @Field(() => LoginChannel, { nullable: true, defaultValue: LoginChannel.APP })
  channel?: LoginChannel | null;

  @Field(() => DeviceInput, { nullable: true, description: 'Required on APP: the same device rules as a password login.' })
  @IsOptional()
  @ValidateNested()
  device?: DeviceInput | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'APP: sign the oldest device out rather than CONFLICT DEVICE_LIMIT.' })
  force?: boolean | null;

  @Field(() => LoginAudience, { nullable: true, defaultValue: LoginAudience.ANY })
  audience?: LoginAudience | null;
}
