import type { Logger } from '@platform/kit';
import type { CollectionsConfig } from '../../../config';
import type { ContactProviders } from './contact-providers';
import { localContactProviders } from './local-providers';

/**
 * The providers config.ts names (TELEPHONY_PROVIDER, WHATSAPP_PROVIDER, SMS_PROVIDER; an unknown name fails at start).
 * Only `local` exists so far: a vendor adapter implements TelephonyProvider / MessagingProvider and is added here.
 */
export function chooseContactProviders(config: CollectionsConfig, logger: Logger): ContactProviders {
  const local = localContactProviders(logger, config.TELEPHONY_SIP_DOMAIN);
  const pick = <K extends 'telephony' | 'whatsapp' | 'sms'>(kind: K, name: 'local'): ContactProviders[K] => {
    switch (name) {
      case 'local':
        return local[kind];
    }
  };
  return {
    telephony: pick('telephony', config.TELEPHONY_PROVIDER),
    whatsapp: pick('whatsapp', config.WHATSAPP_PROVIDER),
    sms: pick('sms', config.SMS_PROVIDER),
    outbox: local.outbox,
  };
}
