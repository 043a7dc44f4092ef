import type { Config } from "../../config.ts";
import type { SendMail } from "./alerts.service.ts";

/** An SMTP sender from TVAERS_SMTP_URL (nodemailer, loaded only when e-mail is configured); null without it. */
export async function smtpSender(config: Pick<Config, "smtpUrl" | "mailFrom">): Promise<SendMail | null> {
  if (!config.smtpUrl) {
    return null;
  }
  const nodemailer = await import("nodemailer");
  const transport = nodemailer.createTransport(config.smtpUrl);
  return async (mail) => {
    await transport.sendMail({ from: config.mailFrom, ...mail });
  };
}
