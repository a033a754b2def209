/**
 * Mail the server sends: the confirmation link of a double opt-in sign-up. Through SMTP
 * (`CIVIC_SMTP_URL`, nodemailer) in production; in development and tests into a folder of `.eml`
 * files (`CIVIC_MAIL_OUTBOX`), one per message, readable by their owner only.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { ServerConfig } from './config.js';

export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/** The configured mailer, or undefined when no transport is set. */
export function createMailer(config: Pick<ServerConfig, 'smtpUrl' | 'mailOutbox' | 'mailFrom'>): Mailer | undefined {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    return {
      send: async (m) => void (await transport.sendMail({ from: config.mailFrom, ...m })),
    };
  }
  const outbox = config.mailOutbox;
  if (outbox) {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    return {
      async send(m) {
        const info = await transport.sendMail({ from: config.mailFrom, ...m });
        mkdirSync(outbox, { recursive: true, mode: 0o700 });
        writeFileSync(join(outbox, `${Date.now()}-${randomUUID()}.eml`), info.message as Buffer, { mode: 0o600 });
      },
    };
  }
  return undefined;
}

/** The confirmation message of a sign-up. */
export const confirmationMail = (to: string, link: string, hours: number) => ({
  to,
  subject: 'Please confirm your sign-up',
  text: [
    'Someone, we hope you, signed up with this email address to find people nearby who care about the same causes.',
    '',
    `To confirm, open this link within ${hours} hours:`,
    link,
    '',
    `If it was not you, ignore this message: the sign-up is not counted, and it is deleted after ${hours} hours.`,
  ].join('\n'),
});
