/// <reference lib="dom" />
/**
 * Item form enhancement: a live preview of each Markdown field, rendered by the server's own
 * renderer (so it is exactly what the page will show). The "Vis forhåndsvisning" button keeps working.
 */
import { ready } from "./lib/post.ts";

ready(() => {
  const csrf = document.querySelector<HTMLInputElement>("input[name=_csrf]")?.value;
  if (!csrf) {
    return;
  }
  for (const input of Array.from(document.querySelectorAll<HTMLTextAreaElement>("textarea[data-preview]"))) {
    const target = document.getElementById(input.dataset.preview ?? "");
    if (!target) {
      continue;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = async () => {
      const text = input.value.trim();
      if (!text) {
        target.hidden = true;
        return;
      }
      const res = await fetch("/arbejdsrum/forhaandsvisning", {
        method: "POST",
        credentials: "same-origin",
        body: new URLSearchParams({ _csrf: csrf, text }),
      });
      if (res.ok) {
        // The server renders Markdown with raw HTML escaped (web/markdown.ts); this is that output.
        target.innerHTML = await res.text();
        target.hidden = false;
      }
    };
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(update, 400);
    });
  }
});
