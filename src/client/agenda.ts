/// <reference lib="dom" />
/**
 * Agenda builder enhancement: drag and drop of the agenda's rows. The Move up / Move down buttons
 * stay (keyboard first, no JavaScript needed); dropping posts the new order and reloads the page.
 */
import { postForm, ready } from "./lib/post.ts";

ready(() => {
  const table = document.querySelector<HTMLTableElement>("#agenda");
  const url = table?.dataset.reorder;
  const body = table?.tBodies[0];
  const csrf = document.querySelector<HTMLInputElement>("input[name=_csrf]")?.value;
  if (!table || !url || !body || !csrf) {
    return;
  }
  let dragged: HTMLTableRowElement | null = null;
  for (const row of Array.from(body.rows)) {
    row.draggable = true;
    row.classList.add("tv-draggable");
    row.addEventListener("dragstart", (e) => {
      dragged = row;
      row.classList.add("tv-dragging");
      e.dataTransfer?.setData("text/plain", row.dataset.itemId ?? "");
    });
    row.addEventListener("dragend", () => row.classList.remove("tv-dragging"));
    row.addEventListener("dragover", (e) => {
      e.preventDefault();
      if (!dragged || dragged === row) {
        return;
      }
      const box = row.getBoundingClientRect();
      const after = e.clientY > box.top + box.height / 2;
      body.insertBefore(dragged, after ? row.nextSibling : row);
    });
  }
  body.addEventListener("drop", async (e) => {
    e.preventDefault();
    const ids = Array.from(body.rows).map((r) => r.dataset.itemId);
    const data = new URLSearchParams({ _csrf: csrf, itemIds: ids.join(",") });
    const res = await postForm(url, data);
    if (res.ok) {
      window.location.replace(`${window.location.pathname}?gemt=flyttet#agenda`);
    } else {
      window.location.reload();
    }
  });
});
