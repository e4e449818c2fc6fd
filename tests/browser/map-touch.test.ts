import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routes } from "../../src/lib/routes.ts";
import { launchBrowser } from "../setup/browser.ts";
import { builtSite } from "../setup/site.ts";

/** Maps as a phone reader (tap) and a keyboard user (arrows) meet them. */
const { siteUrl } = builtSite();
let browser: Browser;
let phone: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
});
afterAll(async () => browser?.close());

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(siteUrl + path, { waitUntil: "load" });
  return page;
}

describe("maps on a touch screen and with the keyboard", () => {
  const MAP = "carte-medecins-cibles-2023"; // a sparse map: a few départements with a value, most « n.d. »

  it("a first tap shows the département's tooltip with a link to its page; a second tap opens the page", async () => {
    const page = await open(phone, routes.chart(MAP));
    try {
      await page.locator("svg.so-carte").first().evaluate((svg) => svg.scrollIntoView({ block: "center" }));
      // The largest département with a value, tapped at a point inside its own shape.
      const target = await page.evaluate(() => {
        const valued = [...document.querySelectorAll<SVGAElement>("svg.so-carte a[data-dep]")].filter((a) => !/^n\.d\./.test((a.dataset.tip ?? "").split("\n")[1] ?? ""));
        const a = valued.sort((x, y) => y.getBBox().width * y.getBBox().height - x.getBBox().width * x.getBBox().height)[0]!;
        const r = a.getBoundingClientRect();
        for (let fy = 0.5; fy < 0.9; fy += 0.05)
          for (let fx = 0.5; fx < 0.9; fx += 0.05) {
            const x = r.left + r.width * fx;
            const y = r.top + r.height * fy;
            if (document.elementFromPoint(x, y)?.closest("a[data-dep]") === a) return { dep: a.dataset.dep!, x, y };
          }
        return { dep: a.dataset.dep!, x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
      await page.touchscreen.tap(target.x, target.y);
      expect(page.url()).toBe(siteUrl + routes.chart(MAP));
      const tip = page.locator("#carte-tip");
      expect(await tip.isVisible()).toBe(true);
      expect(await tip.textContent()).toContain(`(${target.dep})`);
      const link = tip.locator("a", { hasText: "Voir la page du département" });
      expect(await link.getAttribute("href")).toBe(routes.departement(target.dep));
      await Promise.all([page.waitForURL(siteUrl + routes.departement(target.dep)), page.touchscreen.tap(target.x, target.y)]);
    } finally {
      await page.close();
    }
  });

  it("the arrow keys go from one département with a value to the next, skipping « n.d. » ones", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(siteUrl + routes.chart(MAP));
      const valued = await page.evaluate(() =>
        [...document.querySelectorAll<SVGAElement>("svg.so-carte a[data-dep]")].filter((a) => !/^n\.d\./.test((a.dataset.tip ?? "").split("\n")[1] ?? "")).map((a) => a.dataset.dep!)
      );
      const all = await page.locator("svg.so-carte a[data-dep]").count();
      expect(valued.length).toBeGreaterThan(1);
      expect(valued.length).toBeLessThan(all);
      await page.locator("svg.so-carte a[tabindex='0']").focus();
      const visited: string[] = [];
      for (let i = 0; i <= valued.length; i++) {
        visited.push((await page.evaluate(() => document.activeElement?.getAttribute("data-dep"))) ?? "");
        await page.keyboard.press("ArrowRight");
      }
      expect(visited).toEqual([...valued, valued[0]]);
      expect(await page.locator("#carte-tip").textContent()).toMatch(/ceux qui ont une valeur/);
      await page.keyboard.press("End");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("data-dep"))).toBe(valued.at(-1));
    } finally {
      await page.close();
    }
  });
});
