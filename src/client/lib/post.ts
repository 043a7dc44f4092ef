/// <reference lib="dom" />
/** Posts a page form with fetch, as the plain form would (urlencoded, CSRF field included), asking for JSON. */
export async function postForm(url: string, data: FormData | URLSearchParams): Promise<Response> {
  const body = new URLSearchParams();
  for (const [key, value] of data.entries()) {
    if (typeof value === "string") {
      body.append(key, value);
    }
  }
  return fetch(url, {
    method: "POST",
    body,
    credentials: "same-origin",
    headers: { accept: "application/json" },
  });
}

/** Runs `fn` when the DOM is ready. */
export function ready(fn: () => void): void {
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fn);
  } else {
    fn();
  }
}
