import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../setup/browser.ts";
import { builtSite } from "../setup/site.ts";
import { open } from "./lib.ts";

/**
 * Map text read on a phone (issue 14): at 390 px, every text of every map — the values on the
 * départements, the Paris zoom, the overseas insets, and the legend (HTML, outside the SVG) — is drawn
 * at 12 px or more, as Chromium renders it: an SVG text's computed size times its screen scale.
 */
const { siteUrl } = builtSite();
let browser: Browser;
let phone: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
  phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
});
afterAll(async () => browser?.close());

interface Rendered {
  text: string;
  px: number;
}

/** Every visible text of every map of the page, with its rendered size in CSS pixels. */
function mapTexts(page: Page): Promise<Rendered[]> {
  return page.evaluate(() => {
    const out: { text: string; px: number }[] = [];
    const visible = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
    for (const svg of document.querySelectorAll("svg.so-carte")) {
      if (!visible(svg)) continue;
      for (const t of svg.querySelectorAll("text")) {
        const text = (t.textContent ?? "").trim();
        if (!text || !visible(t)) continue;
        const ctm = (t as SVGTextElement).getScreenCTM();
        if (!ctm) continue;
        out.push({ text, px: Math.round(parseFloat(getComputedStyle(t).fontSize) * Math.hypot(ctm.a, ctm.b) * 100) / 100 });
      }
      const legend = svg.closest(".so-carte-fig")?.querySelector(".so-carte__legende");
      if (!legend) continue;
      const walker = document.createTreeWalker(legend, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        const text = (n.textContent ?? "").trim();
        if (text && visible(el)) out.push({ text, px: parseFloat(getComputedStyle(el).fontSize) });
      }
    }
    return out;
  });
}

describe("map text at 390 px", () => {
  for (const path of ["/carte/", "/graphiques/carte-medecins-cibles-2023/", "/graphiques/carte-jours-ij-2010/", "/embed/carte-part-ij/"]) {
    it(`${path}: no map text under 12 px, and the legend is HTML outside the SVG`, async () => {
      const { page } = await open(phone, `${siteUrl}${path}`);
      try {
        const texts = await mapTexts(page);
        expect(texts.length).toBeGreaterThan(10);
        expect(texts.some((t) => /^Valeur connue pour/.test(t.text))).toBe(true);
        expect(texts.filter((t) => t.px < 12)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
