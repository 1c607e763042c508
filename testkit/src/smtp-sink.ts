import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  /** The envelope's recipients (RCPT TO), one entry each. */
  to: string[];
  /** The raw RFC 822 message. */
  raw: string;
}

/** A real SMTP server on a free local port that keeps what it receives: the provider tests send to. */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<SmtpSink> {
    // The server's handler needs the sink, the sink the server: the handler reads it only once mail arrives.
    const holder: { sink?: SmtpSink } = {};
    const server = new SMTPServer({
      // Plain SMTP on loopback: no STARTTLS to negotiate, no login.
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          holder.sink!.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.sink = new SmtpSink(server, (server.server.address() as AddressInfo).port);
    return holder.sink;
  }

  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** How many messages each address received. */
  perRecipient(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const mail of this.received) for (const to of mail.to) counts[to] = (counts[to] ?? 0) + 1;
    return counts;
  }

  /** A single-part message's text, its transfer encoding (base64 or quoted-printable) undone. */
  static text(mail: ReceivedMail): string {
    const split = mail.raw.indexOf('\r\n\r\n') >= 0 ? mail.raw.indexOf('\r\n\r\n') : mail.raw.indexOf('\n\n');
    const head = mail.raw.slice(0, split);
    const body = mail.raw.slice(split).trim();
    const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
    if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (encoding === 'quoted-printable') {
      const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
      return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
    }
    return body;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
