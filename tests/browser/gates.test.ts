import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, launchBrowser } from "../setup/browser.ts";
import { chartHeights, checkVisibleFocus, horizontalOverflow, open, pageType, spread } from "./lib.ts";

/**
 * The gates of pages.test.ts must be able to fail: each check is run here on a page made to break it.
 * Pages are served by request interception (http://gate.test/), nothing reaches the network.
 */

const ORIGIN = "http://gate.test";
const PAGES: Record<string, string> = {
  "/noisy/": `<!doctype html><html lang="fr"><head><title>t</title></head><body><main>
    <img src="/absent.png" alt="absente"><img src="http://elsewhere.test/x.png" alt="ailleurs">
    <script>console.error("boom")</script></main></body></html>`,
  "/focus/": `<!doctype html><html lang="fr"><head><title>t</title><style>
    :focus-visible { outline: 3px solid #c2410c; }
    .ring:focus-visible { outline: none; box-shadow: 0 0 0 3px #c2410c; }
    .bare:focus, .bare:focus-visible { outline: none; }
    </style></head><body><main><a href="#a">visible</a> <button class="ring">anneau</button> <a class="bare" href="#b">invisible</a></main></body></html>`,
  "/wide/": `<!doctype html><html lang="fr"><head><title>t</title></head><body><main><div style="width:600px">large</div></main></body></html>`,
  "/charts/": `<!doctype html><html lang="fr"><head><title>t</title></head><body><main>
    <figure class="chart" id="ok"><svg viewBox="0 0 100 60" width="300" height="180"><rect width="10" height="10"/></svg></figure>
    <figure class="chart" id="vide"><p>graphique dessiné en JavaScript</p></figure></main></body></html>`,
  "/axe/": `<!doctype html><html lang="fr"><head><title>t</title></head><body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
    <p style="color:#bbb;background:#fff">texte pâle</p></main></body></html>`
};

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    const body = url.origin === ORIGIN ? PAGES[url.pathname] : undefined;
    if (body !== undefined) return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body });
    if (url.origin === ORIGIN) return route.fulfill({ status: 404, body: "absent" });
    return route.abort("addressunreachable");
  });
});
afterAll(async () => browser?.close());

describe("the page gates catch what they are meant to", () => {
  it("console errors, failed requests and requests to another origin", async () => {
    const { page, report } = await open(context, `${ORIGIN}/noisy/`);
    expect(report.consoleErrors.join("\n")).toMatch(/boom/);
    expect(report.failedRequests.join("\n")).toMatch(/absent\.png \(404\)/);
    expect(report.foreignRequests).toEqual(["http://elsewhere.test/x.png"]);
    await page.close();
  });

  it("an element whose focus does not show (outline removed, no box-shadow)", async () => {
    const { page } = await open(context, `${ORIGIN}/focus/`);
    const focus = await checkVisibleFocus(page);
    expect(focus.stops).toBe(3);
    expect(focus.invisible).toEqual(["a.bare « invisible »"]);
    await page.close();
  });

  it("horizontal scroll at 320 px", async () => {
    const { page } = await open(context, `${ORIGIN}/wide/`);
    expect(await horizontalOverflow(page)).toBeGreaterThan(0);
    await page.close();
  });

  it("a figure.chart without a drawn <svg>", async () => {
    const { page } = await open(context, `${ORIGIN}/charts/`);
    expect(await chartHeights(page)).toEqual([
      { id: "ok", height: expect.any(Number) },
      { id: "vide", height: 0 }
    ]);
    expect((await chartHeights(page))[0]!.height).toBeGreaterThan(50);
    await page.close();
  });

  it("axe-core violations (image without alt, low contrast)", async () => {
    const { page } = await open(context, `${ORIGIN}/axe/`);
    const rules = (await axeViolations(page)).map((v) => v.split(":")[0]);
    expect(rules).toEqual(expect.arrayContaining(["image-alt", "color-contrast"]));
    await page.close();
  });
});

describe("page types and sampling", () => {
  it("groups pages by template", () => {
    expect(["/", "/articles/", "/articles/a/", "/departements/2A/", "/404.html"].map(pageType)).toEqual(["/", "/articles/", "/articles/*/", "/departements/*/", "/404.html"]);
  });
  it("samples a family evenly, first and last included", () => {
    const family = Array.from({ length: 101 }, (_, i) => i);
    expect(spread(family, 6)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(spread([1, 2, 3], 6)).toEqual([1, 2, 3]);
  });
});
