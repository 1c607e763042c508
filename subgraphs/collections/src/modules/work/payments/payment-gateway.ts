/** What the platform asks a payment gateway for: a payable page for one link. */
export interface PaymentLinkRequest {
  /** The link's id at the platform; the gateway's callback names it. */
  linkCode: string;
  /** Two decimals, e.g. `2000.00`. */
  amount: string;
  currency: string;
  expiresAt: Date;
  /** Shown on the page, e.g. the case code. */
  description: string;
}

export interface IssuedPaymentLink {
  /** The gateway's own reference of the link. */
  providerRef: string;
  /** The payable page the debtor opens. */
  paymentUrl: string;
  /** An image of a QR code of `paymentUrl`. */
  qrCodeUrl: string | null;
}

/**
 * A payment gateway (a vendor's API in production). Once the debtor pays, the gateway calls the platform back at its
 * callback URL with a signed `payment.succeeded` (see payment-callback.ts).
 */
export interface PaymentGateway {
  readonly name: string;
  createLink(request: PaymentLinkRequest): Promise<IssuedPaymentLink>;
}

/** The body of a gateway's callback. */
export interface PaymentCallbackBody {
  event: 'payment.succeeded';
  link_id: string;
  amount: string;
  currency: string;
  /** ISO 8601. */
  paid_at: string;
  transaction_no: string;
}

export const CALLBACK_HEADERS = { timestamp: 'x-payment-timestamp', signature: 'x-payment-signature' } as const;
