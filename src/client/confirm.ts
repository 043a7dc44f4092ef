/// <reference lib="dom" />
/**
 * The irreversible steps' second question in a dialog on the same page instead of a page of its own: a
 * form with a `template.tv-confirm-template` shows it as a modal `<dialog>` when sent; "yes" sends the form
 * with `confirm=ja`, "Fortryd" or Escape closes the dialog and returns the focus. Without JavaScript the
 * server answers the form with its confirmation page, so nothing depends on this script.
 */
import { ready } from "./lib/post.ts";

function ask(form: HTMLFormElement, template: HTMLTemplateElement, opener: HTMLElement | null): void {
  const dialog = document.createElement("dialog");
  dialog.className = "tv-dialog";
  dialog.append(template.content.cloneNode(true));
  const title = dialog.querySelector<HTMLElement>("[data-confirm-title]");
  if (title) {
    title.id = `confirm-${Math.random().toString(36).slice(2)}`;
    dialog.setAttribute("aria-labelledby", title.id);
  }
  document.body.append(dialog);
  const close = () => {
    dialog.close();
    dialog.remove();
    opener?.focus();
  };
  dialog.addEventListener("cancel", (e) => {
    e.preventDefault();
    close();
  });
  dialog.querySelector("[data-confirm-no]")?.addEventListener("click", close);
  dialog.querySelector("[data-confirm-yes]")?.addEventListener("click", () => {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = "confirm";
    input.value = "ja";
    form.append(input);
    dialog.querySelectorAll("button").forEach((b) => {
      b.disabled = true;
    });
    form.submit();
  });
  dialog.showModal();
  dialog.querySelector<HTMLButtonElement>("[data-confirm-yes]")?.focus();
}

ready(() => {
  for (const template of Array.from(
    document.querySelectorAll<HTMLTemplateElement>("template.tv-confirm-template"),
  )) {
    const form = template.closest("form");
    if (!form || typeof HTMLDialogElement !== "function") {
      continue;
    }
    form.addEventListener("submit", (e) => {
      if (form.querySelector("input[name=confirm]")) {
        return;
      }
      // The browser's own checks first (e.g. a required note), as the plain form would have them.
      if (!form.checkValidity()) {
        return;
      }
      e.preventDefault();
      ask(form, template, (e.submitter as HTMLElement | null) ?? null);
    });
  }
});
