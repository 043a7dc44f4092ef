import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { extractPlainText } from "../../src/modules/import/index.ts";
import { useTestApp } from "../helpers/app.ts";
import { describeEachDatabase } from "../helpers/databases.ts";
import { seedWorld, type World } from "../helpers/factories.ts";
import { manyPagePdf, zipBombDocx } from "./hostile-documents.ts";

function multipart(fileName: string, bytes: Uint8Array) {
  const boundary = `tvaers-${randomBytes(8).toString("hex")}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

const MB = 1024 * 1024;

describeEachDatabase("Hostile uploads are refused under limits while the server keeps answering", (kind) => {
  const t = useTestApp(kind, { maxUploadBytes: 50 * MB });
  let w: World;

  it("arranges a world and warms the parser", async () => {
    w = await seedWorld(t().system);
    expect(await extractPlainText(new TextEncoder().encode("<html><body><p>varm</p></body></html>"))).toBe(
      "varm",
    );
  });

  /**
   * Uploads while probing /healthz every 50 ms. Asserts no timing (the suite runs on loaded machines):
   * "keeps answering" means probes were answered while the upload was still being refused. The slowest
   * probe is printed for the security note; `npm run bench` owns the timings.
   */
  async function uploadWhileProbing(fileName: string, bytes: Uint8Array) {
    const before = process.memoryUsage().rss;
    let done = false;
    const upload = t()
      .request({
        method: "POST",
        url: "/api/v1/imports",
        ...multipart(fileName, bytes),
        token: w.users.secretary.token,
      })
      .finally(() => {
        done = true;
      });
    const probes: number[] = [];
    let answeredDuringUpload = 0;
    while (!done) {
      const started = performance.now();
      // app.inject, not t().request: the helper drains the background work (frozen editions of the
      // arranged world) before a GET, which would time the drain, not the server.
      const res = await t().app.inject({ method: "GET", url: "/healthz" });
      expect(res.statusCode).toBe(200);
      if (!done) {
        answeredDuringUpload++;
      }
      probes.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 50));
    }
    const res = await upload;
    await new Promise((r) => setTimeout(r, 200));
    const after = process.memoryUsage().rss;
    // the figures the security note quotes
    process.stdout.write(
      `${fileName}: ${res.statusCode}, slowest /healthz ${Math.round(Math.max(...probes))} ms over ${probes.length} probes, RSS ${Math.round(before / MB)} → ${Math.round(after / MB)} MB\n`,
    );
    return { res, probes: answeredDuringUpload, grownMb: (after - before) / MB };
  }

  it("refuses a DOCX bomb (1.5 MB inflating to 1.5 GB) by the unpacked-size limit, without inflating it", async () => {
    const bomb = zipBombDocx(1500);
    expect(bomb.byteLength).toBeLessThan(3 * MB);
    const { res, grownMb } = await uploadWhileProbing("bombe.docx", bomb);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toMatch(/pakkes ud.*grænse for udpakket størrelse.*grænsen er 64 MB/);
    // refused on the declared sizes before anything is inflated: too quick to count probes during it

    expect(grownMb).toBeLessThan(100);
  });

  it("refuses a DOCX bomb that declares 1 kB, inflating in zlib's thread pool only up to the cap", async () => {
    const liar = zipBombDocx(200, { declaredBytes: 1024 });
    const { res, probes, grownMb } = await uploadWhileProbing("loegn.docx", liar);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toMatch(/grænsen er 64 MB/);
    expect(probes).toBeGreaterThan(0);
    expect(grownMb).toBeLessThan(200);
  });

  it("refuses a PDF of 5,000 pages by the page limit", async () => {
    const pdf = manyPagePdf(5000);
    const { res, probes, grownMb } = await uploadWhileProbing("mange-sider.pdf", pdf);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toMatch(/for mange sider.*sidegrænse.*5000 sider – grænsen er 2000/);
    expect(probes).toBeGreaterThan(0);
    expect(grownMb).toBeLessThan(100);
  });

  it("refuses the same files when extracting attachment text for search", async () => {
    await expect(extractPlainText(zipBombDocx(200))).rejects.toMatchObject({ code: "limit_inflated_size" });
    await expect(extractPlainText(manyPagePdf(2500))).rejects.toMatchObject({ code: "limit_pdf_pages" });
  });
});
