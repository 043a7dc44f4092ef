import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { readFile } from "../files/index.ts";
import { extractPlainText } from "../import/index.ts";
import { rowsOf } from "./sql.ts";

/** Text longer than this is cut: the index keeps 200,000 characters per attachment anyway. */
const MAX_TEXT = 1_000_000;
const EXTRACT_TIMEOUT_MS = 20_000;

async function extractWithTimeout(bytes: Uint8Array): Promise<{ text: string; error: string | null }> {
  const signal = { cancelled: false };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      signal.cancelled = true;
      reject(new Error("tidsgrænsen for tekstudtræk blev nået"));
    }, EXTRACT_TIMEOUT_MS);
  });
  const work = extractPlainText(bytes, signal);
  work.catch(() => undefined);
  try {
    const text = await Promise.race([work, timeout]);
    return text === null
      ? { text: "", error: "ingen læsbar tekst (billede, scannet PDF eller ukendt format)" }
      : { text: text.slice(0, MAX_TEXT), error: null };
  } catch (err) {
    return { text: "", error: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Extracts and stores the text of a stored file once per content; the file_texts trigger then indexes
 * every attachment with that content. A file without readable text never fails the upload.
 */
export async function indexFileText(db: DbOrTx, file: { sha256: string; bytes: Uint8Array }): Promise<void> {
  const [known] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from file_texts where sha256 = ${file.sha256}`),
  );
  if ((known?.n ?? 0) > 0) {
    return;
  }
  const { text, error } = await extractWithTimeout(file.bytes);
  await db.execute(sql`insert into file_texts (sha256, text, error) values (${file.sha256}, ${text.replaceAll(String.fromCharCode(0), "")}, ${error})
    on conflict (sha256) do nothing`);
}

/** Extracts the text of attachments' files that have none yet (files stored before search, or by a process without it). */
export async function indexMissingFileTexts(db: DbOrTx, limit = 100): Promise<number> {
  const rows = rowsOf<{ sha256: string }>(
    await db.execute(sql`select distinct a.sha256 from attachments a
      where a.sha256 is not null and not exists (select 1 from file_texts f where f.sha256 = a.sha256)
      limit ${limit}`),
  );
  for (const r of rows) {
    const bytes = await readFile(db, r.sha256);
    if (bytes) {
      await indexFileText(db, { sha256: r.sha256, bytes });
    }
  }
  return rows.length;
}
