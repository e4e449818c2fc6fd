import { csvParseRows, dsvFormat } from "d3-dsv";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sourceLabel } from "../../src/charts/figure.ts";
import { sourceLine } from "../../src/lib/citation.ts";
import { BOM, exportLookups, exportTable } from "../../src/lib/csv-export.ts";
import { escapeHtml } from "../../src/lib/html.ts";
import { loadSite } from "../../src/site/site.ts";
import { launchBrowser } from "../setup/browser.ts";
import { builtSite } from "../setup/site.ts";
import { curlyText } from "../../src/lib/apostrophes.ts";

/** The files a chart page offers, as built: what is downloaded is exactly what is drawn. */
const { distDir } = builtSite();
const site = loadSite();
const file = (id: string, name: string) => readFileSync(join(distDir, "graphiques", id, name), "utf8");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe("CSV downloads = the rows drawn, one unit per value column, labels beside codes", () => {
  const lookups = exportLookups(site.catalogue);
  for (const [id, chart] of site.charts) {
    it(`/graphiques/${id}/${id}.csv and ${id}-excel.csv`, () => {
      const dataset = site.catalogue.datasets.get(chart.spec.dataset)!;
      const machine = file(id, `${id}.csv`);
      const excel = file(id, `${id}-excel.csv`);
      expect(machine.startsWith(BOM), "machine CSV starts with a BOM").toBe(true);
      expect(excel.startsWith(BOM), "Excel CSV starts with a BOM").toBe(true);
      const [header, ...records] = csvParseRows(machine.slice(1));
      // French Excel splits on « ; » and reads decimal commas: same header, same rows, same cells.
      const [excelHeader, ...excelRecords] = dsvFormat(";").parseRows(excel.slice(1).replace(/\r\n/g, "\n"));
      expect(excelHeader).toEqual(header);
      expect(excelRecords).toHaveLength(chart.rows.length);
      expect(records).toHaveLength(chart.rows.length);
      const table = exportTable(chart.rows, dataset, lookups, chart.spec.columns);
      const numeric = new Set(table.columns.filter((c) => c.numeric).map((c) => c.name));
      excelRecords.forEach((cells, r) =>
        cells.forEach((cell, i) => {
          const expected = records[r]![i]!;
          const name = header![i]!;
          if (numeric.has(name)) expect(cell, `${name}, row ${r + 1}`).toBe(expected.replace(".", ","));
          else expect(cell.replace(/^'(?=[=+\-@])/, ""), `${name}, row ${r + 1}`).toBe(expected);
        })
      );
      // Every column the chart shows is there, a label beside each code.
      const columns = dataset.meta.columns.filter((c) => !chart.spec.columns || chart.spec.columns.includes(c.name));
      for (const c of columns) {
        if (c.name === "valeur" && columns.some((u) => u.name === "unite")) expect(header!.some((h) => h === "valeur" || h.startsWith("valeur_")), id).toBe(true);
        else expect(header, c.name).toContain(c.name);
        if (c.type === "enum") expect(header, c.name).toContain(`${c.name}_libelle`);
        if (c.type === "departement") expect(header, c.name).toContain(`${c.name}_nom`);
      }
      // Each drawn value is in the file, as is or with its decimal point moved (10,2 Md€ → 10 200 M€): never another figure.
      const valueColumns = header!.map((h, i) => [h, i] as const).filter(([h]) => h === "valeur" || h.startsWith("valeur_"));
      chart.rows.forEach((row, r) => {
        for (const c of columns.filter((col) => (col.type === "number" || col.type === "integer") && col.name !== "valeur")) {
          const cell = records[r]![header!.indexOf(c.name)]!;
          expect(cell === "" ? null : Number(cell), `${c.name}, row ${r + 1}`).toBe(row[c.name] ?? null);
        }
        if (!columns.some((col) => col.name === "valeur")) return;
        const filled = valueColumns.map(([, i]) => records[r]![i]!).filter((v) => v !== "");
        if (typeof row.valeur !== "number") return expect(filled, `row ${r + 1}`).toEqual([]);
        expect(filled, `row ${r + 1}`).toHaveLength(1);
        const ratio = Number(filled[0]) / row.valeur;
        expect([1, 1e3, 1e6, 1e9].some((p) => Math.abs(ratio - p) <= p * 1e-12) || row.valeur === 0, `row ${r + 1}: ${filled[0]} for ${row.valeur}`).toBe(true);
      });
      // No value column mixes units: the rows filling it all say the same unit.
      const unitAt = header!.indexOf("unite");
      if (unitAt >= 0)
        for (const [name, i] of valueColumns) {
          const units = new Set(records.filter((cells) => cells[i] !== "").map((cells) => cells[unitAt]));
          expect(units.size, `${id}: ${name} holds ${[...units].join(", ")}`).toBeLessThanOrEqual(1);
        }
    });
  }

  it("ij-journees: 327 millions de journées are written 327000000 journées, next to 245124624 journées", () => {
    const [header, ...records] = csvParseRows(file("ij-journees", "ij-journees.csv").slice(1));
    const value = header!.indexOf("valeur");
    const unit = header!.indexOf("unite");
    expect(records.map((r) => r[value])).toContain("327000000");
    expect(records.map((r) => r[value])).toContain("245124624");
    expect(new Set(records.filter((r) => r[unit] !== "").map((r) => r[unit]))).toEqual(new Set(["journées"]));
    expect(readFileSync(join(distDir, "graphiques", "ij-journees", "ij-journees-LISEZMOI.txt"), "utf8")).toMatch(/Conversion à l'export — valeur : les valeurs en millions de journées sont écrites en journées/);
  });
});

describe("SVG download: a standalone, well-formed picture with its title and sources", () => {
  for (const [id, chart] of site.charts) {
    it(`/graphiques/${id}/${id}.svg`, async () => {
      const svg = file(id, `${id}.svg`);
      expect(svg).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(svg).toContain(`<title id="titre">${escapeHtml(chart.spec.title)}</title>`);
      // The words drawn, lines joined: the source line wraps over several <text> elements.
      const words = svg.replace(/<title[\s\S]*?<\/title>|<desc[\s\S]*?<\/desc>/g, "").replace(/<[^>]+>/g, " ").replace(/[ \t\r\n]+/g, " ");
      // The one-line credit (src/lib/citation.ts), whole.
      expect(words).toContain(escapeHtml(sourceLine(chart, site.catalogue.sources)));
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
    for (const id of new Set(readings.map((r) => String(r.source)))) expect(named).toContain(curlyText(sourceLabel(site.catalogue.sources.get(id)!)));
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
