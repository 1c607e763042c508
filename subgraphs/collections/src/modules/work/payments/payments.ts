import type { EntityManager } from '@mikro-orm/core';
import type { Logger } from '@platform/kit';
import type { CollectionsConfig } from '../../../config';
import { LocalPaymentGateway } from './local-payment-gateway';
import type { IssuedPaymentLink, PaymentGateway, PaymentLinkRequest } from './payment-gateway';
import { CALLBACK_PATH, startPaymentsHttp, type PaymentsHttp } from './payments-http';

/** Payment links' runtime: the gateway and the payments endpoint it calls back. */
export interface Payments {
  gateway: PaymentGateway;
  /** The local gateway when it is the one configured (tests read what it sent). */
  local?: LocalPaymentGateway;
  /** Resolves once the payments endpoint listens; to its base URL. */
  ready: Promise<string>;
  close(): Promise<void>;
}

/** The gateway waits for the endpoint: its links name the endpoint's URL, known once it listens (port 0 in tests). */
class AfterStart implements PaymentGateway {
  constructor(
    private readonly inner: PaymentGateway,
    private readonly ready: Promise<unknown>,
  ) {}

  get name() {
    return this.inner.name;
  }

  async createLink(request: PaymentLinkRequest): Promise<IssuedPaymentLink> {
    await this.ready;
    return this.inner.createLink(request);
  }
}

/** Starts the payments endpoint (port PAYMENT_HTTP_PORT; default 4010, in tests any free one) and the gateway. */
export function startPayments(config: CollectionsConfig, platformEm: EntityManager, logger: Logger): Payments {
  let http: PaymentsHttp | undefined;
  const base = () => {
    if (!http) throw new Error('the payments endpoint is not listening yet');
    return http.baseUrl();
  };
  const local = new LocalPaymentGateway({
    baseUrl: base,
    callbackUrl: () => config.PAYMENT_CALLBACK_URL ?? `${base()}${CALLBACK_PATH}`,
    secret: config.PAYMENT_CALLBACK_SECRET,
    logger,
  });
  if (config.NODE_ENV === 'production') {
    // Anyone holding a link can press 支付 on the local gateway's page: it is for development and demos.
    logger.warn('PAYMENT_GATEWAY=local in production: payment links are paid by pressing a button, not by a real gateway');
  }
  const port = config.PAYMENT_HTTP_PORT ?? (config.NODE_ENV === 'test' ? 0 : 4010);
  const starting = startPaymentsHttp({
    port,
    publicUrl: config.PAYMENT_PUBLIC_URL,
    local,
    logger,
    callback: { em: platformEm, secret: config.PAYMENT_CALLBACK_SECRET, windowSeconds: config.PAYMENT_CALLBACK_WINDOW_SECONDS, logger },
  }).then((started) => {
    http = started;
    logger.info({ url: started.baseUrl() }, 'payments endpoint listening');
    return started.baseUrl();
  });
  // A failed start is reported here and by every link asked for afterwards.
  starting.catch((err: unknown) => logger.error({ err, port }, 'the payments endpoint could not start'));
  return {
    gateway: new AfterStart(local, starting),
    local,
    ready: starting,
    close: async () => {
      await starting.catch(() => undefined);
      await http?.close();
    },
  };
}
