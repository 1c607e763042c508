import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { z } from 'zod';

/** Mail settings any subgraph that sends e-mail spreads into its config schema. */
export const mailConfigShape = {
  /** `smtp://user:pass@host:587` or `smtps://…`; unset: messages go to MAIL_OUTBOX_DIR as .eml files. */
  SMTP_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  MAIL_FROM: z.string().default('Platform <no-reply@localhost>'),
  /** Where the embedded mode writes messages (one .eml file each) when there is no SMTP_URL. */
  MAIL_OUTBOX_DIR: z.string().default('./data/outbox'),
};

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html?: string;
}

export interface SentMail {
  messageId: string;
  /** Where an outbox message was written (embedded mode). */
  file?: string;
}

/** Sends e-mail: through SMTP when configured, else into a folder a person can open (.eml files). */
export interface Mailer {
  send(message: MailMessage): Promise<SentMail>;
  close(): void;
}

export interface MailerOptions {
  smtpUrl?: string;
  from: string;
  outboxDir: string;
}

export function createMailer(opts: MailerOptions): Mailer {
  if (opts.smtpUrl) return smtpMailer(nodemailer.createTransport(opts.smtpUrl), opts.from);
  return outboxMailer(opts.outboxDir, opts.from);
}

function smtpMailer(transport: Transporter, from: string): Mailer {
  return {
    async send(message) {
      const info = (await transport.sendMail({ from, ...message })) as { messageId: string };
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}

/** nodemailer's stream transport renders the full RFC 822 message; the file is exactly what SMTP would carry. */
function outboxMailer(dir: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message) {
      const info = (await transport.sendMail({ from, ...message })) as { messageId: string; message: Buffer };
      await mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = join(dir, `${stamp}-${info.messageId.replace(/[^A-Za-z0-9.-]/g, '')}.eml`);
      await writeFile(file, info.message);
      return { messageId: info.messageId, file };
    },
    close: () => transport.close(),
  };
}
