/// <reference lib="dom" />
/**
 * Meeting enhancement: autosave of each item's decision while the secretary writes. The form is
 * posted as the plain form would be, asking for JSON; the new version goes back into the form, so a
 * later save (auto or by the button) is not taken for someone else's. A conflict is left to the
 * button, which shows both versions.
 */
import { postForm, ready } from "./lib/post.ts";

const DELAY_MS = 1500;

ready(() => {
  for (const form of Array.from(document.querySelectorAll<HTMLFormElement>("form[data-autosave]"))) {
    const status = form.querySelector<HTMLElement>(".tv-autosave");
    const version = form.querySelector<HTMLInputElement>("input[name=version]");
    let timer: ReturnType<typeof setTimeout> | undefined;
    let saving = false;
    let stopped = false;
    // The words come from the page, in its language (data-msg-*).
    const msg = (key: "saving" | "saved" | "failed", fallback: string) =>
      form.dataset[`msg${key[0]?.toUpperCase()}${key.slice(1)}`] ?? fallback;
    const say = (text: string) => {
      if (status) {
        status.textContent = text;
      }
    };
    const save = async () => {
      if (saving || stopped) {
        return;
      }
      saving = true;
      say(msg("saving", "Gemmer …"));
      try {
        const res = await postForm(form.action, new FormData(form));
        const body = (await res.json().catch(() => ({}))) as {
          version?: number;
          savedAt?: string;
          error?: { message?: string };
        };
        if (res.ok && body.version && version) {
          version.value = String(body.version);
          const at = new Date(body.savedAt ?? Date.now());
          const time = at.toLocaleTimeString(document.documentElement.lang || "da-DK", {
            hour: "2-digit",
            minute: "2-digit",
          });
          say(msg("saved", "Gemt automatisk kl. {time}").replace("{time}", time));
        } else {
          stopped = res.status === 409;
          say(body.error?.message ?? msg("failed", "Kunne ikke gemme automatisk. Brug knappen."));
        }
      } catch {
        say(msg("failed", "Kunne ikke gemme automatisk. Brug knappen."));
      } finally {
        saving = false;
      }
    };
    form.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(save, DELAY_MS);
    });
    form.addEventListener("change", () => {
      clearTimeout(timer);
      timer = setTimeout(save, DELAY_MS);
    });
  }
});
