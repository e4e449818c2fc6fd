import { csvParseRows } from "d3-dsv";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sourceLabel } from "../../src/charts/figure.ts";
import type { Row } from "../../src/lib/dataset.ts";
import { escapeHtml } from "../../src/lib/html.ts";
import { loadSite } from "../../src/site/site.ts";
import { launchBrowser } from "../setup/browser.ts";
import { builtSite } from "../setup/site.ts";

/** The files a chart page offers, as built: what is downloaded is exactly what is drawn. */
const { distDir } = builtSite();
const site = loadSite();
const file = (id: string, name: string) => readFileSync(join(distDir, "graphiques", id, name), "utf8");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe("CSV download = the rows drawn", () => {
  for (const [id, chart] of site.charts) {
    it(`/graphiques/${id}/${id}.csv`, () => {
      const dataset = site.catalogue.datasets.get(chart.spec.dataset)!;
      // The columns the chart shows (a map of one indicator names its own), in the dataset's order.
      const columns = dataset.meta.columns.filter((c) => !chart.spec.columns || chart.spec.columns.includes(c.name));
      const [header, ...records] = csvParseRows(file(id, `${id}.csv`));
      expect(header).toEqual(columns.map((c) => c.name));
      const typed: Row[] = records.map((cells) =>
        Object.fromEntries(
          columns.map((c, i) => {
            const raw = cells[i] ?? "";
            return [c.name, raw === "" ? null : c.type === "number" || c.type === "integer" ? Number(raw) : raw];
          })
        )
      );
      expect(typed).toEqual(chart.rows.map((r) => Object.fromEntries(columns.map((c) => [c.name, r[c.name] ?? null]))));
    });
  }
});

describe("SVG download: a standalone, well-formed picture with its title and sources", () => {
  for (const [id, chart] of site.charts) {
    it(`/graphiques/${id}/${id}.svg`, async () => {
      const svg = file(id, `${id}.svg`);
      expect(svg).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(svg).toContain(`<title id="titre">${escapeHtml(chart.spec.title)}</title>`);
      // The words drawn, lines joined: the source line wraps over several <text> elements.
      const words = svg.replace(/<title[\s\S]*?<\/title>|<desc[\s\S]*?<\/desc>/g, "").replace(/<[^>]+>/g, " ").replace(/[ \t\r\n]+/g, " ");
      const first = site.catalogue.sources.get(String(chart.rows[0]!.source))!;
      expect(words).toContain(escapeHtml(sourceLabel(first)));
      expect(words).toMatch(/ Sources?\u00a0: .* Graphique\u00a0: Sous objectif/);
      const page = await browser.newPage();
      try {
        const parsed = await page.evaluate((text) => {
          const doc = new DOMParser().parseFromString(text, "image/svg+xml");
          const error = doc.querySelector("parsererror");
          return { error: error?.textContent ?? null, root: doc.documentElement.localName, ns: doc.documentElement.namespaceURI };
        }, svg);
        expect(parsed).toEqual({ error: null, root: "svg", ns: "http://www.w3.org/2000/svg" });
      } finally {
        await page.close();
      }
    });
  }
});

describe("conflicting readings: a range, and every source, in the chart and in its table", () => {
  const table = (id: string) => {
    const { document } = parseHTML(file(id, "index.html"));
    const t = document.querySelector("table")!;
    const headers = [...t.querySelectorAll("thead th")].map((th) => th.textContent!.trim());
    // A source cell is its link (the tier badge beside it is not part of the source's name).
    const cell = (td: Element, header: string) => (header === "Source" ? td.querySelector("a")?.textContent ?? td.textContent! : td.textContent!).trim();
    return [...t.querySelectorAll("tbody tr")].map((tr) => Object.fromEntries([...tr.querySelectorAll("td")].map((td, i) => [headers[i]!, cell(td, headers[i]!)])));
  };

  it("campagnes-medecins: 2023 targeted doctors read « de 965 à 1 200 », with each source named", () => {
    const chart = site.charts.get("campagnes-medecins")!;
    const readings = chart.rows.filter((r) => r.campagne === "2023" && r.etape === "medecins-identifies");
    expect(readings.length).toBeGreaterThan(2);
    const rows = table("campagnes-medecins").filter((r) => r["Campagne"]!.includes("2023") && r["Étape ou indicateur"]!.startsWith("Médecins identifiés"));
    expect(rows).toHaveLength(readings.length);
    for (const r of rows) expect(r["Lecture des sources"]).toMatch(/Sources divergentes : de 965 à 1\u202f200\u00a0médecins/);
    const named = rows.map((r) => r["Source"]);
    for (const id of new Set(readings.map((r) => String(r.source)))) expect(named).toContain(sourceLabel(site.catalogue.sources.get(id)!));
    // The drawing: the range as a label, each source in the tooltip.
    expect(chart.svg).toContain("965–1\u202f200");
    expect(chart.svg.replace(/&#160;/g, "\u00a0")).toMatch(/<title>[^<]*Klesia Pro Social\u00a0: 965\u00a0médecins[^<]*Fédération des médecins de France\u00a0: 1\u202f200\u00a0médecins/);
  });

  it("bayonne-mobilisation: the crowd reads « 60 à 70 », both sources named", () => {
    const chart = site.charts.get("bayonne-mobilisation")!;
    const readings = chart.rows.filter((r) => r.indicateur === "medecins-rassembles");
    expect(readings).toHaveLength(2);
    const rows = table("bayonne-mobilisation").filter((r) => r["Indicateur"]!.startsWith("Médecins rassemblés"));
    expect(rows.map((r) => r["Lecture des sources"])).toEqual(Array(2).fill("Sources divergentes : de 60 à 70\u00a0médecins (2 sources)"));
    expect(rows.map((r) => r["Source"]).sort()).toEqual(readings.map((r) => sourceLabel(site.catalogue.sources.get(String(r.source))!)).sort());
    expect(chart.svg).toContain(">60–70<");
  });

  it("ij-croissance-periodes: 6,3 and 6,4 % are one bar from one reading to the other", () => {
    const chart = site.charts.get("ij-croissance-periodes")!;
    expect(chart.svg).toContain(">6,3–6,4\u202f%<");
    const rows = table("ij-croissance-periodes").filter((r) => r["Lecture des sources"]!.includes("de 6,3 à 6,4"));
    expect(rows).toHaveLength(2);
  });
});
