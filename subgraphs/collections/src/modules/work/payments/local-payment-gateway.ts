import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger, Secret } from '@platform/kit';
import { toBuffer } from 'qrcode';
import { signCallback } from './callback-signature';
import { CALLBACK_HEADERS, type IssuedPaymentLink, type PaymentCallbackBody, type PaymentGateway, type PaymentLinkRequest } from './payment-gateway';

interface LinkClaims {
  l: string;
  a: string;
  c: string;
  /** Expiry, epoch ms. */
  e: number;
  d: string;
}

export interface LocalGatewayOptions {
  /** The public base URL of the payments endpoint (links are `<base>/pay/<ref>`). */
  baseUrl: () => string;
  callbackUrl: () => string;
  secret: Secret;
  logger: Logger;
}

/** A callback the local gateway sent, as a vendor's dashboard would list it. */
export interface SentCallback {
  url: string;
  body: PaymentCallbackBody;
  status: number;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The payment gateway that runs offline: it serves each link's payable page (and its QR code) from the payments
 * endpoint, and when the page's 支付 button is pressed it calls the platform back, signed, exactly as a vendor would.
 * A link's reference is self-describing (amount, currency, expiry) and signed, so any instance, after any restart,
 * serves it; which links were paid is kept in memory (the platform applies a payment once whatever the gateway does).
 */
export class LocalPaymentGateway implements PaymentGateway {
  readonly name = 'local';
  readonly sent: SentCallback[] = [];
  private readonly paid = new Set<string>();
  private readonly refKey: Buffer;

  constructor(private readonly options: LocalGatewayOptions) {
    this.refKey = createHmac('sha256', options.secret.reveal()).update('local-gateway-link-refs').digest();
  }

  createLink(request: PaymentLinkRequest): Promise<IssuedPaymentLink> {
    const claims: LinkClaims = { l: request.linkCode, a: request.amount, c: request.currency, e: request.expiresAt.getTime(), d: request.description };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const ref = `${payload}.${this.mac(payload)}`;
    const page = `${this.options.baseUrl()}/pay/${ref}`;
    return Promise.resolve({ providerRef: ref, paymentUrl: page, qrCodeUrl: `${page}/qr.png` });
  }

  /** Serves `/pay/<ref>` (GET: the page; POST: pay) and `/pay/<ref>/qr.png`; false for any other path. */
  async handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> {
    const match = /^\/pay\/([\w-]+\.[\w-]+)(\/qr\.png)?$/.exec(path);
    if (!match) return false;
    const claims = this.claimsOf(match[1]);
    if (!claims) return page(response, 404, '链接无效', '此还款链接不存在。');
    if (match[2] && request.method === 'GET') {
      const png = await toBuffer(`${this.options.baseUrl()}/pay/${match[1]}`, { type: 'png', margin: 1, width: 256 });
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': String(png.length) }).end(png);
      return true;
    }
    const expired = Date.now() > claims.e;
    if (request.method === 'GET') {
      if (this.paid.has(claims.l)) return page(response, 200, '已支付', `还款 ${escapeHtml(claims.a)} ${escapeHtml(claims.c)} 已支付。`);
      if (expired) return page(response, 410, '链接已过期', '此还款链接已过期，请联系您的催收专员。');
      return page(
        response,
        200,
        '在线还款',
        `<p>${escapeHtml(claims.d)}</p><p>应还金额：<strong>${escapeHtml(claims.a)} ${escapeHtml(claims.c)}</strong></p>` +
          `<form method="post"><button type="submit">支付 ${escapeHtml(claims.a)}</button></form>`,
      );
    }
    if (request.method !== 'POST') return page(response, 405, '不支持', '');
    if (expired) return page(response, 410, '链接已过期', '此还款链接已过期，未扣款。');
    if (this.paid.has(claims.l)) return page(response, 409, '已支付', '此链接已支付，未重复扣款。');
    const status = await this.callBack(claims);
    if (status < 200 || status >= 300) return page(response, 502, '支付未完成', '平台未确认此笔付款，请稍后重试。');
    this.paid.add(claims.l);
    return page(response, 200, '支付成功', `已支付 ${escapeHtml(claims.a)} ${escapeHtml(claims.c)}，谢谢。`);
  }

  /** Posts the signed `payment.succeeded` to the platform; answers the platform's HTTP status (0: unreachable). */
  private async callBack(claims: LinkClaims): Promise<number> {
    const body: PaymentCallbackBody = {
      event: 'payment.succeeded',
      link_id: claims.l,
      amount: claims.a,
      currency: claims.c,
      paid_at: new Date().toISOString(),
      transaction_no: `LOCAL-${claims.l}`,
    };
    const raw = JSON.stringify(body);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const url = this.options.callbackUrl();
    const status = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [CALLBACK_HEADERS.timestamp]: timestamp,
        [CALLBACK_HEADERS.signature]: signCallback(this.options.secret.reveal(), timestamp, raw),
      },
      body: raw,
      signal: AbortSignal.timeout(10_000),
    }).then(
      (res) => res.status,
      (err: unknown) => {
        this.options.logger.warn({ err, url }, 'local payment gateway: the callback did not reach the platform');
        return 0;
      },
    );
    this.sent.push({ url, body, status });
    return status;
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.refKey).update(payload).digest('base64url').slice(0, 32);
  }

  private claimsOf(ref: string): LinkClaims | null {
    const [payload, mac] = ref.split('.');
    const expected = Buffer.from(this.mac(payload));
    if (!mac || mac.length !== expected.length || !timingSafeEqual(expected, Buffer.from(mac))) return null;
    try {
      return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as LinkClaims;
    } catch {
      return null;
    }
  }
}

function page(response: ServerResponse, status: number, title: string, html: string): true {
  const body =
    `<!doctype html><html lang="zh"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
    `<title>${title}</title></head><body><h1>${title}</h1>${html}</body></html>`;
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  return true;
}
