import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../setup/browser.ts";
import { builtSite } from "../setup/site.ts";
import { open } from "./lib.ts";

/** The départemental maps as a reader uses them: pointer, keyboard, no JavaScript; and the data downloads. */
const { siteUrl } = builtSite();
const ROOT = join(import.meta.dirname, "..", "..");
let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => browser?.close());

const tooltip = (page: Page) => page.evaluate(() => {
  const tip = document.getElementById("carte-tip")!;
  return { visible: !tip.hidden && tip.getBoundingClientRect().height > 0, text: tip.textContent ?? "" };
});
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { dep: el?.getAttribute("data-dep") ?? null, inMap: !!el?.closest("svg.so-carte"), map: el?.closest("svg.so-carte")?.getAttribute("data-carte") ?? null };
  });

describe("/carte/ in Chromium", () => {
  it("Tab reaches a département of the first map, whose tooltip then shows its name and value", async () => {
    const { page } = await open(context, `${siteUrl}/carte/`);
    try {
      let where = await focused(page);
      for (let i = 0; i < 80 && !where.inMap; i++) {
        await page.keyboard.press("Tab");
        where = await focused(page);
      }
      expect(where.inMap, "a Tab stop inside a map").toBe(true);
      const name = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.tip!.split("\n")[0]);
      const tip = await tooltip(page);
      expect(tip.visible).toBe(true);
      expect(tip.text.startsWith(name!)).toBe(true);
      expect(tip.text).toMatch(/\(\w+\)\n/);

      await page.keyboard.press("ArrowRight");
      const next = await focused(page);
      expect(next.map).toBe(where.map);
      expect(next.dep).not.toBe(where.dep);
      expect((await tooltip(page)).text).not.toBe(tip.text);

      await page.keyboard.press("Escape");
      expect((await tooltip(page)).visible).toBe(false);
    } finally {
      await page.close();
    }
  });

  it("the arrow keys reach every one of the 101 départements of a map, each with its tooltip", async () => {
    const { page } = await open(context, `${siteUrl}/carte/`);
    try {
      await page.locator("svg.so-carte a[data-dep]").first().focus();
      const seen = new Map<string, string>();
      for (let i = 0; i < 101; i++) {
        const where = await focused(page);
        const tip = await tooltip(page);
        expect(tip.visible, `tooltip of ${where.dep}`).toBe(true);
        expect(tip.text.split("\n")[0], `tooltip of ${where.dep}`).toMatch(new RegExp(`^\\S.* \\(${where.dep}\\)$`));
        seen.set(where.dep!, tip.text);
        await page.keyboard.press("ArrowRight");
      }
      expect(seen.size).toBe(101);
      expect((await focused(page)).dep, "wraps around to the first").toBe("01");
    } finally {
      await page.close();
    }
  });

  it("each map is a single Tab stop: Tab leaves it instead of walking its 101 links", async () => {
    const { page } = await open(context, `${siteUrl}/carte/`);
    try {
      const first = page.locator("svg.so-carte").first();
      expect(await first.locator("a[tabindex='0']").count()).toBe(1);
      await first.locator("a[data-dep]").first().focus();
      await page.keyboard.press("Tab");
      expect((await focused(page)).map).not.toBe(await first.getAttribute("data-carte"));
    } finally {
      await page.close();
    }
  });

  it("a map far down /carte/controles/ is enhanced once the reader reaches it: one Tab stop, its tooltip", async () => {
    const { page } = await open(context, `${siteUrl}/carte/controles/`);
    try {
      const last = page.locator("svg.so-carte").last();
      await last.scrollIntoViewIfNeeded();
      await expect.poll(() => last.locator("a[tabindex='0']").count()).toBe(1);
      await last.locator("a[data-dep]").first().focus();
      expect((await tooltip(page)).visible).toBe(true);
      await page.keyboard.press("Tab");
      expect((await focused(page)).map).not.toBe(await last.getAttribute("data-carte"));
    } finally {
      await page.close();
    }
  });

  it("hovering a département shows its tooltip", async () => {
    const { page } = await open(context, `${siteUrl}/carte/`);
    try {
      const map = page.locator("svg.so-carte").first();
      await map.scrollIntoViewIfNeeded();
      await map.locator('a[data-dep="64"] :is(path, use)').hover();
      const tip = await tooltip(page);
      expect(tip.visible).toBe(true);
      expect(tip.text.startsWith("Pyrénées-Atlantiques (64)")).toBe(true);
    } finally {
      await page.close();
    }
  });

  it.each(["/carte/", "/carte/controles/"])("%s without JavaScript: every département keeps its native <title> tooltip and all 101 are links", async (path) => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    try {
      await page.goto(`${siteUrl}${path}`);
      const counts = await page.evaluate(() =>
        [...document.querySelectorAll("svg.so-carte")].map((svg) => ({
          links: svg.querySelectorAll("a[href][data-dep]").length,
          titled: svg.querySelectorAll("a[href][data-dep] > title").length
        }))
      );
      expect(counts.length).toBeGreaterThan(0);
      for (const c of counts) expect(c).toEqual({ links: 101, titled: 101 });
    } finally {
      await noJs.close();
    }
  });
});

describe("the year control of the share map", () => {
  type Frames = { keys: string[]; colors: string[]; breaks: number[]; singles: number[]; values: Record<string, number[]> };
  const fillFor = (f: Frames, code: string, year: string) => {
    const v = f.values[code]![f.keys.indexOf(year)]!;
    let c = 0;
    while (c < f.breaks.length && v >= f.breaks[c]!) c++;
    return f.colors[c];
  };
  const fillOf = (page: Page, code: string) =>
    page.evaluate((dep) => document.querySelector(`svg[data-carte="carte-part-ij"] a[data-dep="${dep}"] :is(path, use)`)!.getAttribute("fill"), code);

  it("?annee=2012 reopens 2012: colours and tooltip from that year; the slider moves the year and the URL follows", async () => {
    const frames = (await (await fetch(`${siteUrl}/graphiques/carte-part-ij/annees.json`)).json()) as Frames;
    const { page } = await open(context, `${siteUrl}/carte/?annee=2012`);
    try {
      await page.waitForFunction(() => document.querySelector('.so-carte-fig:has(svg[data-carte="carte-part-ij"]) .so-carte__cadre')?.textContent?.endsWith("2012"));
      await page.waitForFunction(() => /2012/.test(document.querySelector('svg[data-carte="carte-part-ij"] a[data-dep="64"]')?.getAttribute("data-tip") ?? document.querySelector('svg[data-carte="carte-part-ij"] a[data-dep="64"] > title')?.textContent ?? ""));
      for (const code of ["64", "75", "971"]) expect(await fillOf(page, code), code).toBe(fillFor(frames, code, "2012"));
      await page.getByRole("button", { name: "Année suivante" }).first().click();
      await page.waitForFunction(() => new URL(location.href).searchParams.get("annee") === "2013");
      expect(await fillOf(page, "64")).toBe(fillFor(frames, "64", "2013"));
    } finally {
      await page.close();
    }
  });

  it("an unknown year falls back to the latest, drawn without loading anything", async () => {
    const { page } = await open(context, `${siteUrl}/carte/?annee=1999`);
    try {
      expect(await page.locator('.so-carte-fig:has(svg[data-carte="carte-part-ij"]) .so-carte__cadre').textContent()).toMatch(/2024$/);
      expect(await page.locator("#carte-annee-0").inputValue()).toBe("14");
    } finally {
      await page.close();
    }
  });
});

describe("/donnees/ downloads", () => {
  it("the CSV link of a dataset page downloads the file of data/, byte for byte, and the JSON parses", async () => {
    const { page } = await open(context, `${siteUrl}/donnees/observations-departementales/`);
    try {
      const hrefs = await page.locator("a[download]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      const csv = hrefs.find((h) => h.endsWith(".csv"))!;
      const json = hrefs.find((h) => h.endsWith(".json"))!;
      const bytes = Buffer.from(await (await fetch(csv)).arrayBuffer());
      expect(bytes.equals(readFileSync(join(ROOT, "data", "observations-departementales.csv")))).toBe(true);
      const data = (await (await fetch(json)).json()) as { rows: unknown[]; columns: unknown[] };
      expect(data.rows.length).toBeGreaterThan(0);
      expect(data.columns.length).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});
