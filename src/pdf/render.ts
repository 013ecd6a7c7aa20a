import { existsSync } from "node:fs";
import { DomainError } from "../errors";

/** The browser this server prints with is not installed where the configuration says. */
export class PdfUnavailableError extends DomainError {
  constructor(chromiumPath: string) {
    super(
      `PDF export needs Chromium at CHROMIUM_PATH (${chromiumPath}); install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`,
      "pdf_unavailable",
    );
  }
}

/** The page to print did not get ready: it showed an error, or did not finish in time. */
export class PdfRenderError extends DomainError {
  constructor(message: string) {
    super(message, "pdf_failed");
  }
}

export type PrintRequest = {
  /** The page to print, on an origin of this server: nothing is loaded from anywhere else. */
  url: string;
  /** Cookies for that origin (the viewer's session), so the page shows what the viewer may see. */
  cookies: readonly { name: string; value: string }[];
  /** Shown once the page has everything drawn. */
  readySelector: string;
  /** Shown instead when the page could not load its data; its text becomes the error. */
  failedSelector: string;
  /** Plain text at the foot of every page, beside "page n of m". */
  footer: string;
  timeoutMs?: number;
};

/**
 * A4 less the report's 12 mm side margins, in CSS pixels (96 per inch): the page is laid out at
 * the width it prints at, so its charts are drawn for the paper rather than scaled to it.
 */
const A4_CONTENT_WIDTH = Math.round(((210 - 24) / 25.4) * 96);

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * Prints pages of this server to PDF in headless Chromium. Each print launches a browser of its
 * own and closes it (a second or two, and no browser held in memory between the few reports a
 * quarter asks for); prints wait for each other, so a burst of requests cannot start a browser
 * per request on a small machine.
 */
export function pdfPrinter(chromiumPath: string) {
  let queue: Promise<unknown> = Promise.resolve();

  async function print(req: PrintRequest): Promise<Uint8Array> {
    const timeout = req.timeoutMs ?? 30_000;
    // Loaded on first use: a server that never prints never loads it.
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--headless", "--no-sandbox", "--disable-gpu"], timeout });
    try {
      const origin = new URL(req.url).origin;
      const context = await browser.newContext({ viewport: { width: A4_CONTENT_WIDTH, height: 1000 }, serviceWorkers: "block" });
      // The session cookie goes to this server only, and the page reaches nothing else.
      await context.addCookies(req.cookies.map((c) => ({ name: c.name, value: c.value, url: origin, httpOnly: true, sameSite: "Lax" as const })));
      await context.route("**/*", (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort()));
      const page = await context.newPage();
      page.setDefaultTimeout(timeout);
      await page.goto(req.url, { waitUntil: "load" });
      const shown = await page.waitForSelector(`${req.readySelector}, ${req.failedSelector}`, { state: "attached" }).catch(() => null);
      if (!shown) throw new PdfRenderError("The report page did not finish loading in time.");
      if (await page.$(req.failedSelector))
        throw new PdfRenderError(`The report page could not load: ${(await page.textContent(req.failedSelector))?.trim() ?? "no reason given"}`);
      await page.evaluate(() => document.fonts.ready);
      return await page.pdf({
        format: "A4",
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: `<div style="font: 7pt system-ui, sans-serif; color: #4b5563; width: 100%; margin: 0 12mm; display: flex; justify-content: space-between"><span>${escapeHtml(req.footer)}</span><span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      });
    } finally {
      await browser.close();
    }
  }

  return {
    print(req: PrintRequest): Promise<Uint8Array> {
      if (!existsSync(chromiumPath)) return Promise.reject(new PdfUnavailableError(chromiumPath));
      const mine = queue.then(() => print(req));
      queue = mine.catch(() => undefined);
      return mine;
    },
  };
}
export type PdfPrinter = ReturnType<typeof pdfPrinter>;
