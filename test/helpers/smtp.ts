import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll } from "vitest";

export interface Received {
  to: string[];
  raw: string;
  /** headers and decoded text parts, for searching */
  text: string;
}

/** The message with quoted-printable and base64 parts decoded, so the text can be searched. */
export function decodeMail(raw: string): string {
  const parts = raw.split(/\r?\n\r?\n/);
  return parts
    .map((part, i) => {
      const headers = parts[i - 1] ?? "";
      if (/content-transfer-encoding: base64/i.test(headers)) {
        return Buffer.from(part.replace(/--[^\n]*$/s, ""), "base64").toString("utf8");
      }
      const bytes = part
        .replace(/=\r?\n/g, "")
        .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
      return Buffer.from(bytes, "latin1").toString("utf8");
    })
    .join("\n\n");
}

/**
 * A real SMTP server on loopback that keeps what it receives; `stop()` and `start()` take it away
 * and bring it back on the same port (a mail server that is down for a while).
 */
export function useSmtpServer() {
  const received: Received[] = [];
  let port = 0;
  let server: SMTPServer | null = null;
  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, callback) {
        let raw = "";
        stream.setEncoding("utf8");
        stream.on("data", (chunk: string) => {
          raw += chunk;
        });
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, text: decodeMail(raw) });
          callback();
        });
      },
    });
  const start = async () => {
    server = make();
    const s = server;
    await new Promise<void>((resolve) => s.listen(port, "127.0.0.1", resolve));
    port = (s.server.address() as AddressInfo).port;
  };
  const stop = async () => {
    const s = server;
    server = null;
    if (s) {
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
  };
  beforeAll(start);
  afterAll(stop);
  return { received, url: () => `smtp://127.0.0.1:${port}`, start, stop };
}
