import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PRESETS } from "../src/charts/picture.ts";
import { chartFiles, oembedPath } from "../src/lib/embed.ts";
import { routes } from "../src/lib/routes.ts";
import { loadSite } from "../src/site/site.ts";
import { builtPages } from "./setup/browser.ts";
import { builtSite } from "./setup/site.ts";
import { curlyText } from "../src/lib/apostrophes.ts";

/** The journalists' toolkit in the built site: every chart's files, every page's sharing metadata. */
const { distDir } = builtSite();
const site = loadSite();
const charts = [...site.charts.values()];
const file = (path: string) => join(distDir, ...path.split("/").filter(Boolean));
const publicSite = new URL("/", /^Sitemap:\s*(\S+)$/m.exec(readFileSync(join(distDir, "robots.txt"), "utf8"))![1]!).href;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function png(path: string): { width: number; height: number } {
  const buf = readFileSync(file(path));
  expect(buf.subarray(0, 8).equals(PNG_SIGNATURE), `${path}: PNG signature`).toBe(true);
  expect(buf.toString("latin1", 12, 16), `${path}: IHDR first`).toBe("IHDR");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Attribute of the first tag matching a selector-like pattern in built HTML. */
function meta(html: string, attr: "property" | "name", key: string): string | undefined {
  const tag = new RegExp(`<meta[^>]*${attr}="${key}"[^>]*>`).exec(html)?.[0];
  return tag ? /content="([^"]*)"/.exec(tag)?.[1]?.replace(/&amp;/g, "&") : undefined;
}

describe("every chart has its downloads and its embed", () => {
  it("the site has charts", () => expect(charts.length).toBeGreaterThan(0));

  for (const chart of charts) {
    const { id } = chart.spec;
    const files = chartFiles(id);
    it(`${id}: PNG « article 600 px » at 2×, social PNG 1200×630`, () => {
      const size = png(files.png);
      expect(size.width).toBe(PRESETS.article.width * PRESETS.article.scale);
      expect(size.height).toBeGreaterThan(2 * 100);
      expect(png(files.social)).toEqual({ width: 1200, height: 630 });
    });

    it(`${id}: SVG, CSV and LISEZMOI downloads`, () => {
      expect(readFileSync(file(files.svg), "utf8"), files.svg).toMatch(/<svg\b/);
      const csv = readFileSync(file(files.csv), "utf8");
      expect(csv.split(/\r?\n/).filter(Boolean).length, files.csv).toBeGreaterThan(1);
      const readme = readFileSync(file(files.readme), "utf8");
      expect(readme.startsWith(`${chart.spec.title}\n`)).toBe(true);
      for (const s of new Set(chart.rows.map((r) => String(r.source)))) {
        const source = site.catalogue.sources.get(s)!;
        if (source.url) expect(readme, `${id}: source ${s}`).toContain(source.url);
      }
      for (const heading of ["PÉRIMÈTRE", "COLONNES", "SOURCES", "LICENCES", "CITER CE GRAPHIQUE"]) expect(readme).toContain(heading);
      expect(readme).toContain(`${publicSite}graphiques/${id}/`);
    });

    it(`${id}: oEmbed JSON with the iframe, and the embed page`, () => {
      const o = JSON.parse(readFileSync(file(oembedPath(id)), "utf8")) as Record<string, unknown>;
      expect(o).toMatchObject({ type: "rich", version: "1.0", title: chart.spec.title, provider_name: "Sous objectif", provider_url: publicSite });
      // The frame, in a size container whose width its measured height follows (src/site/embed-page.ts).
      expect(o.html).toMatch(new RegExp(`^<div style="container-type:inline-size"><iframe src="${publicSite}embed/${id}/\\?publie-le=\\d{4}-\\d{2}-\\d{2}" title="[^"]+" [^>]*loading="lazy" style="[^"]*height:calc\\(`));
      expect(typeof o.width === "number" && typeof o.height === "number" && o.height > 100).toBe(true);
      expect(existsSync(file(`${routes.embed(id)}index.html`))).toBe(true);
    });

    it(`${id}: the chart page links every download, the snippet, the citation and the oEmbed discovery`, () => {
      const html = readFileSync(file(`${routes.chart(id)}index.html`), "utf8");
      for (const path of Object.values(files)) expect(html, path).toContain(`href="${path}"`);
      expect(html).toMatch(new RegExp(`<textarea[^>]*id="integration-${id}"[^>]*readonly`));
      expect(html).toContain("Citer ce graphique");
      // The page sets elisions with ’ (src/lib/apostrophes.ts).
      expect(html).toContain(`Sous objectif, « ${curlyText(chart.spec.title)} »`);
      expect(html).toContain(`<link rel="alternate" type="application/json+oembed" href="${publicSite}embed/${id}/oembed.json"`);
      expect(meta(html, "property", "og:image")).toBe(`${publicSite}graphiques/${id}/${id}-social.png`);
    });
  }
});

describe("every page shares well", () => {
  const pages = builtPages(distDir);
  it("Open Graph and Twitter card, on the canonical URL, with an image that exists", () => {
    const missing: string[] = [];
    for (const p of pages.filter((x) => !x.startsWith("/embed/"))) {
      const html = readFileSync(join(file(p), "index.html"), "utf8");
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
      expect(canonical, p).toBe(new URL(p, publicSite).href);
      expect(meta(html, "property", "og:url"), p).toBe(canonical);
      for (const key of ["og:title", "og:description", "og:image:alt", "og:type"]) if (!meta(html, "property", key)) missing.push(`${p}: ${key}`);
      expect(meta(html, "name", "twitter:card"), p).toBe("summary_large_image");
      const image = meta(html, "property", "og:image") ?? "";
      expect(image.startsWith(publicSite), `${p}: ${image}`).toBe(true);
      expect(png(new URL(image).pathname), `${p}: ${image}`).toEqual({ width: 1200, height: 630 });
      expect(html, p).toContain(`<link rel="alternate" type="application/rss+xml" title="Sous objectif — dossiers" href="${publicSite}rss.xml"`);
    }
    expect(missing).toEqual([]);
  });

  it("each article has its own social card", () => {
    for (const a of site.articles) {
      const html = readFileSync(file(`${routes.article(a.slug)}index.html`), "utf8");
      expect(meta(html, "property", "og:image")).toBe(`${publicSite}articles/${a.slug}/og.png`);
      expect(meta(html, "property", "og:type")).toBe("article");
    }
  });

  it("the French 404 page exists and links back into the site", () => {
    const html = readFileSync(join(distDir, "404.html"), "utf8");
    expect(html).toContain("Page introuvable");
    expect(html).toMatch(/<form[^>]*role="search"/);
  });

  it("embed pages are the chart alone: no site navigation, canonical to the chart page", () => {
    for (const chart of charts) {
      const html = readFileSync(file(`${routes.embed(chart.spec.id)}index.html`), "utf8");
      expect(html).not.toMatch(/<nav\b|site-header/);
      expect(html).toContain(`<link rel="canonical" href="${publicSite}graphiques/${chart.spec.id}/"`);
      expect(html).not.toMatch(/<link[^>]*rel="stylesheet"|<script[^>]*\ssrc=/);
    }
  });

  it("the resize script is tiny and trusts only its own origin", () => {
    const js = readFileSync(join(distDir, "embed.js"), "utf8");
    expect(Buffer.byteLength(js)).toBeLessThan(1024);
    expect(js).toContain("document.currentScript");
    expect(js).toMatch(/e\.origin!==o/);
  });
});
