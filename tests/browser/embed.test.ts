import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic } from "../../scripts/static-server.ts";
import { EMBED_ATTRIBUTE } from "../../src/lib/embed.ts";
import { axeViolations, launchBrowser, visit } from "../setup/browser.ts";
import { builtSite } from "../setup/site.ts";

/**
 * The embed as a newsroom uses it: the snippet shown on each chart page is pasted into a page served
 * from ANOTHER origin (a second local server), which frames the site's server. The frames must show
 * the whole chart without an inner scrollbar, with the resize script and without it.
 */
const { siteUrl, distDir } = builtSite();
const chartIds = readdirSync(join(distDir, "embed"), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
/** The public address the site was built for (its snippets point there), read from robots.txt. */
const publicSite = new URL("/", /^Sitemap:\s*(\S+)$/m.exec(readFileSync(join(distDir, "robots.txt"), "utf8"))![1]!).href;

function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|quot|#39|#x27|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", amp: "&" })[e]!);
}

/** The snippet exactly as the chart page shows it in its read-only textarea, pointed at the test server. */
function pastedSnippet(id: string): string {
  const html = readFileSync(join(distDir, "graphiques", id, "index.html"), "utf8");
  const m = new RegExp(`<textarea[^>]*id="integration-${id}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  if (!m) throw new Error(`/graphiques/${id}/: no embed snippet textarea`);
  return decodeEntities(m[1]!).replaceAll(publicSite, `${siteUrl}/`);
}

/** A chart whose drawn values were revised after their first version (read from the repository's history). */
const revisedChart = chartIds.find((id) => /class="f r" data-revisions="\d/.test(readFileSync(join(distDir, "embed", id, "index.html"), "utf8")));

let browser: Browser;
let newsroom: Server;
let newsroomUrl = "";
let newsroomDir = "";
beforeAll(async () => {
  browser = await launchBrowser();
  newsroomDir = mkdtempSync(join(tmpdir(), "so-newsroom-"));
  const snippets = chartIds.map((id) => `<h2>Graphique ${id}</h2>\n<p>Un paragraphe de l'article qui cite le graphique.</p>\n${pastedSnippet(id)}\n<p>Suite de l'article.</p>`);
  writeFileSync(
    join(newsroomDir, "index.html"),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Journal de test</title><link rel="icon" href="data:,"><style>body{margin:0 auto;padding:0 8px;max-width:720px;font-family:serif}</style></head><body><main><h1>Article d'un autre site</h1>${snippets.join("\n")}</main></body></html>`
  );
  // A frame that claims to be one of ours (same attribute, same chart id) but is served by the newsroom's origin.
  const first = chartIds[0] ?? "x";
  writeFileSync(
    join(newsroomDir, "faux.html"),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Faux</title><link rel="icon" href="data:,"></head><body><script>parent.postMessage({type:"sous-objectif:embed-height",id:${JSON.stringify(first)},height:7},"*");setTimeout(function(){parent.postMessage({type:"sous-objectif:embed-height",id:${JSON.stringify(first)},height:7},"*")},300)</script></body></html>`
  );
  writeFileSync(
    join(newsroomDir, "usurpation.html"),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Usurpation</title><link rel="icon" href="data:,"></head><body><iframe id="faux" ${EMBED_ATTRIBUTE}="${first}" src="/faux.html" title="faux" width="100%" height="200"></iframe>${pastedSnippet(first)}</body></html>`
  );
  // A fluid column, as wide as the window less 8 px margins: the frames' widths are those of common columns.
  writeFileSync(
    join(newsroomDir, "fluide.html"),
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Journal fluide</title><link rel="icon" href="data:,"><style>body{margin:0;padding:0 8px;font-family:serif;background:#fff;color:#111}</style></head><body><main><h1>Article d'un autre site</h1>${snippets.join("\n")}</main></body></html>`
  );
  // A snippet copied before its chart's values were revised, and the same snippet as the chart page gives it.
  if (revisedChart) {
    const snippet = pastedSnippet(revisedChart);
    writeFileSync(join(newsroomDir, "revise.html"), `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Ancien article</title><link rel="icon" href="data:,"></head><body>${snippet.replace(/(publie-le="?)\d{4}-\d{2}-\d{2}/g, "$12000-01-01")}</body></html>`);
    writeFileSync(join(newsroomDir, "a-jour.html"), `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Article récent</title><link rel="icon" href="data:,"></head><body>${snippet}</body></html>`);
  }
  // A newsroom with a strict CSP hosts its own copy of embed.js and names our origin in data-origine.
  const iframeOnly = pastedSnippet(first).replace(/<script[^>]*><\/script>/, "");
  writeFileSync(join(newsroomDir, "embed-copie.js"), readFileSync(join(distDir, "embed.js")));
  for (const [name, attr] of [["copie.html", ` data-origine="${siteUrl}"`], ["copie-sans-origine.html", ""]] as const)
    writeFileSync(join(newsroomDir, name), `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Copie</title><link rel="icon" href="data:,"></head><body>${iframeOnly}<script async src="/embed-copie.js"${attr}></script></body></html>`);
  newsroom = await serveStatic(newsroomDir, 0);
  const address = newsroom.address();
  newsroomUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => newsroom?.close(ok));
  if (newsroomDir) rmSync(newsroomDir, { recursive: true, force: true });
});

async function frameOf(page: Page, id: string): Promise<Frame> {
  const iframe = page.locator(`iframe[${EMBED_ATTRIBUTE}="${id}"]`);
  await iframe.scrollIntoViewIfNeeded();
  const frame = await (await iframe.elementHandle())!.contentFrame();
  if (!frame) throw new Error(`iframe ${id}: no frame`);
  await frame.waitForLoadState("load");
  await frame.waitForSelector("figure.chart svg", { state: "attached" });
  return frame;
}

interface FrameSizes {
  iframeHeight: number;
  scrollHeight: number;
  clientHeight: number;
  scrollWidth: number;
  clientWidth: number;
  svgHeight: number;
}

async function sizes(page: Page, frame: Frame, id: string): Promise<FrameSizes> {
  const iframeHeight = await page.locator(`iframe[${EMBED_ATTRIBUTE}="${id}"]`).evaluate((el) => el.getBoundingClientRect().height);
  const inner = await frame.evaluate(() => {
    const root = document.documentElement;
    const svgs = [...document.querySelectorAll("figure.chart svg")].map((s) => s.getBoundingClientRect().height);
    return { scrollHeight: root.scrollHeight, clientHeight: root.clientHeight, scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, svgHeight: Math.max(0, ...svgs) };
  });
  return { iframeHeight, ...inner };
}

describe("embeds pasted into a page of another origin", () => {
  it("the site has embeds, and the newsroom page is on another origin", () => {
    expect(chartIds.length).toBeGreaterThan(0);
    expect(new URL(newsroomUrl).origin).not.toBe(new URL(siteUrl).origin);
    expect(pastedSnippet(chartIds[0]!)).toMatch(new RegExp(`src="${siteUrl}/embed/${chartIds[0]}/\\?publie-le=\\d{4}-\\d{2}-\\d{2}"`));
    expect(pastedSnippet(chartIds[0]!)).toContain(`<script async src="${siteUrl}/embed.js"></script>`);
  });

  for (const width of [320, 1200]) {
    it(`at ${width} px, the resize script fits every frame to its chart: full height, no inner scrollbar`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      const report = await visit(page, newsroomUrl);
      try {
        for (const id of chartIds) {
          const frame = await frameOf(page, id);
          // The frame reports its height after load and on every resize: wait until the parent applied it.
          await page.waitForFunction(
            ([attr, chart]) => {
              const f = document.querySelector<HTMLIFrameElement>(`iframe[${attr}="${chart}"]`);
              return !!f && /px$/.test(f.style.height); // the script's pixels, in place of the snippet's calc()
            },
            [EMBED_ATTRIBUTE, id] as const
          );
          await page.waitForTimeout(100);
          const s = await sizes(page, frame, id);
          expect(Math.abs(s.iframeHeight - s.scrollHeight), `${id}: iframe ${s.iframeHeight} px, content ${s.scrollHeight} px`).toBeLessThanOrEqual(1);
          expect(s.scrollHeight, `${id}: inner vertical scrollbar`).toBeLessThanOrEqual(s.clientHeight);
          expect(s.scrollWidth, `${id}: inner horizontal scrollbar`).toBeLessThanOrEqual(s.clientWidth);
          expect(s.svgHeight, `${id}: chart height`).toBeGreaterThan(50);
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), "newsroom page overflows").toBeLessThanOrEqual(0);
        // Third-party for the newsroom page is our site: only the frames and the script may come from it.
        expect(report.consoleErrors.join("\n"), "console errors").toBe("");
        expect(report.failedRequests, "failed requests").toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it("the script ignores height messages from other origins and for another chart", async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 800 } });
    const page = await context.newPage();
    try {
      await visit(page, newsroomUrl);
      const id = chartIds[0]!;
      await frameOf(page, id);
      await page.waitForFunction(([attr, chart]) => /px$/.test(document.querySelector<HTMLIFrameElement>(`iframe[${attr}="${chart}"]`)?.style.height ?? ""), [EMBED_ATTRIBUTE, id] as const);
      const before = await page.locator(`iframe[${EMBED_ATTRIBUTE}="${id}"]`).evaluate((f) => (f as HTMLIFrameElement).style.height);
      // Same payload, but sent by the newsroom page itself (its own origin): must be ignored.
      await page.evaluate((chart) => window.postMessage({ type: "sous-objectif:embed-height", id: chart, height: 3 }, "*"), id);
      // From our origin but naming another chart: must be ignored too.
      const frame = await frameOf(page, id);
      await frame.evaluate(() => parent.postMessage({ type: "sous-objectif:embed-height", id: "un-autre-graphique", height: 5 }, "*"));
      await page.waitForTimeout(200);
      expect(await page.locator(`iframe[${EMBED_ATTRIBUTE}="${id}"]`).evaluate((f) => (f as HTMLIFrameElement).style.height)).toBe(before);
    } finally {
      await context.close();
    }
  });

  it("a frame of another origin naming one of our charts cannot resize itself", async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 800 } });
    const page = await context.newPage();
    try {
      await visit(page, `${newsroomUrl}usurpation.html`);
      const id = chartIds[0]!;
      // The genuine frame of the same chart gets resized: the script is running.
      await page.waitForFunction((attr) => /px$/.test(document.querySelectorAll<HTMLIFrameElement>(`iframe[${attr}]`)[1]?.style.height ?? ""), EMBED_ATTRIBUTE);
      await page.waitForTimeout(500);
      expect(await page.locator("#faux").evaluate((f) => (f as HTMLIFrameElement).style.height), `fake frame for ${id}`).toBe("");
    } finally {
      await context.close();
    }
  });

  it("a self-hosted copy of embed.js trusts the origin its data-origine names, and without it only its own", async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 800 } });
    const page = await context.newPage();
    try {
      const id = chartIds[0]!;
      await visit(page, `${newsroomUrl}copie.html`);
      await frameOf(page, id);
      await page.waitForFunction(([attr, chart]) => /px$/.test(document.querySelector<HTMLIFrameElement>(`iframe[${attr}="${chart}"]`)?.style.height ?? ""), [EMBED_ATTRIBUTE, id] as const);
      await visit(page, `${newsroomUrl}copie-sans-origine.html`);
      await frameOf(page, id);
      await page.waitForTimeout(500);
      expect(await page.locator(`iframe[${EMBED_ATTRIBUTE}="${id}"]`).evaluate((f) => (f as HTMLIFrameElement).style.height)).toMatch(/^calc\(/);
    } finally {
      await context.close();
    }
  });

  it("an embed copied before a revision of its values says so, from another origin; a current one links to the history", async () => {
    expect(revisedChart, "a chart with revised values in the repository's history").toBeDefined();
    const context = await browser.newContext({ viewport: { width: 600, height: 800 } });
    const page = await context.newPage();
    try {
      for (const [file, text] of [["revise.html", "Chiffres révisés depuis la publication"], ["a-jour.html", "Historique des données"]] as const) {
        const report = await visit(page, `${newsroomUrl}${file}`);
        const frame = await frameOf(page, revisedChart!);
        const link = frame.locator(".r[data-revisions] a");
        expect(await link.textContent(), file).toBe(text);
        expect(await link.getAttribute("href"), "the history on the public site, as the page link").toMatch(new RegExp(`^${publicSite}donnees/[^/]+/#historique$`));
        expect(report.consoleErrors).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });

  it("the chart page's snippet records the day it is copied", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      const id = chartIds[0]!;
      await visit(page, `${siteUrl}/graphiques/${id}/`);
      const { value, today } = await page.evaluate((field) => ({ value: (document.getElementById(field) as HTMLTextAreaElement).value, today: new Date().toLocaleDateString("sv-SE") }), `integration-${id}`);
      expect(value).toContain(`/embed/${id}/?publie-le=${today}"`);
      expect(value).toContain(`data-publie-le="${today}"`);
    } finally {
      await context.close();
    }
  });

  // What CMS sanitisers leave: the snippet without its script. The frame's own height must hold the whole
  // chart (no inner scroll) with little blank, in a fluid column at the common widths; light on a light
  // page even for a reader whose system is dark.
  for (const width of [320, 375, 600, 768, 1200]) {
    it(`at ${width} px with the resize script blocked, every frame fits its content: no inner scroll, at most 40 px blank, light`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: "dark" });
      await context.route("**/embed.js", (route) => route.abort());
      const page = await context.newPage();
      try {
        await page.goto(`${newsroomUrl}fluide.html`, { waitUntil: "load" });
        for (const id of chartIds) {
          const frame = await frameOf(page, id);
          expect(await page.locator(`iframe[${EMBED_ATTRIBUTE}="${id}"]`).evaluate((f) => (f as HTMLIFrameElement).style.height), `${id}: the snippet's own height`).toMatch(/^calc\(/);
          const s = await sizes(page, frame, id);
          const content = await frame.evaluate(() => Math.ceil(document.querySelector("main")!.getBoundingClientRect().height));
          expect(s.scrollHeight, `${id}: content ${content} px hidden behind an inner scroll in a frame of ${s.iframeHeight} px`).toBeLessThanOrEqual(s.clientHeight);
          expect(s.iframeHeight - content, `${id}: blank under the content (frame ${s.iframeHeight} px, content ${content} px)`).toBeLessThanOrEqual(40);
          expect(await frame.evaluate(() => getComputedStyle(document.body).color), `${id}: light text colour`).toBe("rgb(27, 31, 36)");
        }
      } finally {
        await context.close();
      }
    });
  }
});

describe("embed pages on their own", () => {
  // One context for the 23 pages (a context costs more than a tab; CI's budget is 20 minutes).
  let narrow: BrowserContext;
  beforeAll(async () => {
    narrow = await browser.newContext({ viewport: { width: 280, height: 600 } });
  });
  afterAll(async () => narrow?.close());
  for (const id of chartIds) {
    it(`/embed/${id}/: no third-party request, ≤ 25 KB gzip in all, no JS needed`, async () => {
      const page = await narrow.newPage();
      const bodies: Promise<number>[] = [];
      page.on("response", (r) => bodies.push(r.body().then((b) => gzipSync(b).length, () => 0)));
      try {
        const report = await visit(page, `${siteUrl}/embed/${id}/`);
        await page.waitForLoadState("networkidle");
        expect(report).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
        const total = (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
        expect(bodies.length).toBeGreaterThan(0);
        expect(total, `${id}: ${bodies.length} responses, ${total} bytes gzip`).toBeLessThanOrEqual(25 * 1024);
        // Responsive down to 280 px: no horizontal scroll, chart drawn.
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
        expect(await page.locator("nav, header.site-header").count(), "no site navigation").toBe(0);
        expect(await page.locator(".f.d").textContent(), "the data's date").toMatch(/^Données au (\d|1er|:)/);
        const back = page.locator(`a[href$="/graphiques/${id}/"]`);
        expect(await back.getAttribute("target")).toMatch(/^_(blank|top)$/);
      } finally {
        await page.close();
      }
    });
  }

  it("shows the chart without JavaScript", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 600 }, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      for (const id of chartIds) {
        await page.goto(`${siteUrl}/embed/${id}/`);
        const heights = await page.locator("figure.chart svg").evaluateAll((list) => list.map((s) => s.getBoundingClientRect().height));
        expect(Math.max(...heights), id).toBeGreaterThan(50);
      }
    } finally {
      await context.close();
    }
  });

  // Light by default whatever the reader's system says; dark only when the host asks for it (dark, or auto = the reader's preference).
  for (const [label, options, query, dark] of [
    ["?theme=dark", {}, "?theme=dark", true],
    ["no theme over a dark preference", { colorScheme: "dark" as const }, "", false],
    ["?theme=auto over a dark preference", { colorScheme: "dark" as const }, "?theme=auto", true],
    ["?theme=auto over a light preference", { colorScheme: "light" as const }, "?theme=auto", false]
  ] as const) {
    it(`${label}: ${dark ? "dark" : "light"}, readable (axe contrast), chart colours remapped only in dark`, async () => {
      const context = await browser.newContext({ viewport: { width: 600, height: 800 }, ...options });
      const page = await context.newPage();
      try {
        for (const id of chartIds) {
          const report = await visit(page, `${siteUrl}/embed/${id}/${query}`);
          expect(report.consoleErrors).toEqual([]);
          const colors = await page.evaluate(() => ({ bg: getComputedStyle(document.body).backgroundColor, fg: getComputedStyle(document.body).color, svg: getComputedStyle(document.querySelector("figure.chart svg")!).color }));
          expect(colors.bg, `${id}: dark page, or light on the host's own background`).toBe(dark ? "rgb(22, 25, 29)" : "rgba(0, 0, 0, 0)");
          expect(colors.svg, `${id}: axes and labels use currentColor = text colour`).toBe(colors.fg);
          // Data colours written as attributes are remapped in dark, left alone in light.
          const changed = await page.evaluate(() => {
            const hex = (v: string) => {
              const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(v);
              return m ? `rgb(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)})` : undefined;
            };
            const els = [...document.querySelectorAll("figure.chart [fill^='#']")].filter((e) => hex(e.getAttribute("fill")!) && /^#[0-9a-f]{6}$/i.test(e.getAttribute("fill")!));
            return { total: els.length, changed: els.filter((e) => getComputedStyle(e).fill !== hex(e.getAttribute("fill")!)).length };
          });
          if (changed.total > 0) expect(changed.changed > 0, `${id}: ${changed.changed} of ${changed.total} coloured elements remapped`).toBe(dark);
          expect(await axeViolations(page), id).toEqual([]);
        }
      } finally {
        await context.close();
      }
    });
  }
});
