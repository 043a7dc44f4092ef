import { XLSX_MIME } from "../../lib/xlsx.ts";
import type { Ctx } from "../../server/context.ts";
import { translator } from "../../web/i18n.ts";
import { slugify } from "../../web/slug.ts";
import { PUBLIC_ACTOR } from "../auth/index.ts";
import { attachmentService, uploadAttachmentContent } from "../meetings/index.ts";
import { statusXlsx } from "./funds.export.ts";
import { requireEditableFund } from "./funds.service.ts";
import { loadFundStatus } from "./status.service.ts";

/**
 * Stores the status table as an XLSX attachment on an agenda item, through the meetings attachment
 * services (so the item's rules apply: the secretariat of its meeting, minutes not locked).
 * The public edition is built as the public sees the fund and attached open; the full edition (with
 * grants the public may not see) is attached closed, so it never reaches outsiders.
 */
export async function attachStatusToItem(
  ctx: Ctx,
  fundId: number,
  input: { itemId: number; title?: string | undefined; edition?: "public" | "full" | undefined },
) {
  const fund = await requireEditableFund(ctx, fundId);
  const edition = input.edition ?? "public";
  const status = await loadFundStatus(
    edition === "public" ? { db: ctx.db, actor: PUBLIC_ACTOR } : ctx,
    fundId,
  );
  const bytes = statusXlsx(status, translator("da"), "da");
  const title = input.title ?? `Status for ${fund.name}`;
  const attachment = await attachmentService.create(ctx, {
    itemId: input.itemId,
    title,
    fileName: `${slugify(`status ${fund.name}`) || "status"}.xlsx`,
    access: edition === "public" ? "open" : "closed",
  });
  return uploadAttachmentContent(ctx, attachment.id, {
    bytes,
    mimeType: XLSX_MIME,
    fileName: `${slugify(`status ${fund.name}`) || "status"}.xlsx`,
    version: attachment.version,
  });
}
