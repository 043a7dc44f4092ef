/**
 * Outgoing e-mail over SMTP (nodemailer), from the settings TVAERS_SMTP_URL and TVAERS_MAIL_FROM
 * (src/config.ts). Without an SMTP server there is no mailer, and nothing is sent.
 */
import type { Config } from "../../config.ts";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** A mailer for the configured SMTP server (nodemailer loaded only then); null when none is configured. */
export async function createMailer(config: Pick<Config, "smtpUrl" | "mailFrom">): Promise<Mailer | null> {
  if (!config.smtpUrl) {
    return null;
  }
  const nodemailer = await import("nodemailer");
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from: config.mailFrom, ...message });
    },
    close: () => transport.close(),
  };
}
