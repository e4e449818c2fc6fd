import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/lib/articles.ts";
import { datasetCsvBytes, datasetFiles, datasetJson, datasetUsage } from "../../src/lib/dataset-files.ts";
import { byRegion, departementProfile, groupObservations } from "../../src/lib/departements.ts";
import { loadSite } from "../../src/site/site.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const site = loadSite(ROOT);
const { catalogue } = site;
const reference = catalogue.datasets.get("departements")!.rows;
const observations = catalogue.datasets.get("observations-departementales")!;
const events = catalogue.datasets.get("evenements")!;

const article = (slug: string, fields: Partial<Article>): Article =>
  ({ slug, title: `Article ${slug}`, date: "2026-01-01", summary: "", author: "", tags: ["t"], sources: ["s"], datasets: [], events: [], lead: false, file: "", body: "", bodyLine: 1, charts: [], links: [], words: 0, ...fields }) as Article;

describe("département pages: what the data say about each département", () => {
  it("lists all 101 départements once, grouped by region", () => {
    const groups = byRegion(catalogue);
    const codes = groups.flatMap((g) => g.departements.map((d) => d.code));
    expect(codes.sort()).toEqual(reference.map((r) => String(r.code)).sort());
    expect(groups.find((g) => g.departements.some((d) => d.code === "64"))!.region).toBe("Nouvelle-Aquitaine");
  });

  it("gives every observation of a département, and its local events with the articles that tell them", () => {
    const code = String(observations.rows.find((r) => events.rows.some((e) => e.departement === r.departement))!.departement);
    const eventId = String(events.rows.find((e) => e.departement === code)!.id);
    const profile = departementProfile(catalogue, [article("a", { events: [eventId] }), article("b", {})], code);
    expect(profile.hasData).toBe(true);
    expect(profile.observations.reduce((n, g) => n + g.readings.length, 0)).toBe(observations.rows.filter((r) => r.departement === code).length);
    const event = profile.events.find((e) => e.id === eventId)!;
    expect(event.articles.map((a) => a.slug)).toEqual(["a"]);
    expect(profile.population).toBe(reference.find((r) => r.code === code)!.population);
  });

  it("says so when nothing was found for a département (population aside: it is context)", () => {
    const empty = reference.map((r) => String(r.code)).find(
      (code) => !observations.rows.some((r) => r.departement === code) && !events.rows.some((r) => r.departement === code)
    )!;
    const profile = departementProfile(catalogue, site.articles, empty);
    expect(profile.hasData).toBe(false);
    expect(profile.observations).toEqual([]);
    expect(profile.events).toEqual([]);
    expect(profile.population).not.toBeNull();
  });

  it("keeps the readings of one figure together, and shows their range when sources disagree", () => {
    const rows = observations.rows.filter((r) => r.departement === "43" && r.indicateur === "jours-ij-par-salarie");
    const [group] = groupObservations(observations, rows);
    expect(group!.readings).toHaveLength(rows.length);
    expect(group!.disagree).toBe(true);
    expect(group!.text).toMatch(/–/);
    expect(new Set(group!.readings.map((r) => r.source)).size).toBe(rows.length);
  });
});

describe("data explorer downloads", () => {
  it("serves the CSV byte for byte as it is in data/", () => {
    for (const id of catalogue.datasets.keys())
      expect(datasetCsvBytes(catalogue, id).equals(readFileSync(join(ROOT, "data", `${id}.csv`))), id).toBe(true);
  });

  it("puts the downloads beside the dataset page", () => {
    expect(datasetFiles("evenements")).toEqual({ csv: "/donnees/evenements/evenements.csv", json: "/donnees/evenements/evenements.json" });
  });

  it("writes the JSON with typed rows (numbers, null for missing, never 0) and the metadata", () => {
    const json = JSON.parse(datasetJson(observations, catalogue));
    expect(json.id).toBe("observations-departementales");
    expect(json.rows).toHaveLength(observations.rows.length);
    expect(json.columns.map((c: { name: string }) => c.name)).toEqual(observations.meta.columns.map((c) => c.name));
    expect(json.not_found).toEqual(observations.meta.not_found);
    const i = observations.rows.findIndex((r) => r.campagne === null);
    expect(json.rows[i].campagne).toBeNull();
    expect(typeof json.rows[0].valeur).toBe("number");
    expect(json.rows[0].departement).toBe(String(observations.rows[0]!.departement));
    expect(json.sources.map((s: { id: string }) => s.id)).toEqual([...new Set(observations.rows.map((r) => String(r.source)))]);
  });

  it("finds the charts drawn from a dataset and the articles that use it, through a placed chart too", () => {
    const charts = [...site.charts.values()];
    const mapChart = charts.find((c) => c.spec.id === "carte-jours-ij-2010")!;
    const usage = datasetUsage("observations-departementales", charts, [
      article("cite", { datasets: ["observations-departementales"] }),
      article("place", { charts: [{ id: mapChart.spec.id, line: 1 }] }),
      article("autre", { datasets: ["evenements"] })
    ]);
    expect(usage.charts.map((c) => c.spec.id)).toContain("carte-jours-ij-2010");
    expect(usage.articles.map((a) => a.slug)).toEqual(["cite", "place"]);
  });
});
