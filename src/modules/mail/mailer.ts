/**
 * Outgoing e-mail over SMTP (nodemailer), from the settings TVAERS_SMTP_URL and TVAERS_MAIL_FROM
 * (src/config.ts). Without an SMTP server there is no mailer, and nothing is sent.
 */
import type { Config } from "../../config.ts";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** an HTML alternative of the same content */
  html?: string;
  /** extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) */
  headers?: Record<string, string>;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * A mailer for the configured SMTP server (nodemailer loaded only then); null when none is configured.
 * `pool` keeps up to that many connections open for a run of many mails (the notification outbox).
 */
export async function createMailer(
  config: Pick<Config, "smtpUrl" | "mailFrom">,
  opts: { pool?: number; timeoutMs?: number } = {},
): Promise<Mailer | null> {
  if (!config.smtpUrl) {
    return null;
  }
  const nodemailer = await import("nodemailer");
  const url = new URL(config.smtpUrl);
  if (opts.pool) {
    url.searchParams.set("pool", "true");
    url.searchParams.set("maxConnections", String(opts.pool));
  }
  if (opts.timeoutMs) {
    // A mail server that does not answer must fail the attempt soon, so the outbox can retry later.
    for (const key of ["connectionTimeout", "greetingTimeout", "socketTimeout"]) {
      url.searchParams.set(key, String(opts.timeoutMs));
    }
  }
  const transport = nodemailer.createTransport(url.toString());
  return {
    async send(message) {
      await transport.sendMail({ from: config.mailFrom, ...message });
    },
    close: () => transport.close(),
  };
}
