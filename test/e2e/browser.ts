import { existsSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";

export const CHROMIUM = process.env.TVAERS_CHROMIUM ?? "/usr/bin/chromium";

/** Debian's Chromium, headless, without any network of its own. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium findes ikke på ${CHROMIUM}. Installér den med "apt-get update && apt-get install -y chromium" (.ci/run gør det).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** axe-core on the page for WCAG 2.1 A and AA; returns the violations in a readable form. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(" | ")}`,
  );
}

/** Logs in through the login form, as a person would. */
export async function logIn(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/log-ind`);
  await page.fill("#email", email);
  await page.fill("#password", password);
  // The login form's own button: the header carries a search form with a submit button too.
  await Promise.all([page.waitForURL(`${base}/`), page.click("form:has(#password) button[type=submit]")]);
}
