import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../../src/lib/catalogue.ts";
import type { Dataset } from "../../src/lib/dataset.ts";
import { buildTimeline, EVENTS_DATASET, formatPeriod } from "../../src/lib/timeline.ts";

const catalogue = loadCatalogue(process.cwd());
const events = catalogue.datasets.get(EVENTS_DATASET) as Dataset;
const timeline = buildTimeline(events, [], catalogue.datasets.get("departements"));
const all = timeline.years.flatMap((y) => y.events);
const byId = new Map(all.map((e) => [e.id, e]));

describe("formatPeriod", () => {
  it("writes dates and periods in French, as precise as given", () => {
    expect(formatPeriod("2025-11-21", null)).toBe("21 novembre 2025");
    expect(formatPeriod("2025-09-01", "2026-02-28")).toBe("du 1er septembre 2025 au 28 février 2026");
    expect(formatPeriod("2026-01-01", "2026-06-30")).toBe("du 1er janvier au 30 juin 2026");
    expect(formatPeriod("2024-09", "2024-12")).toBe("de septembre à décembre 2024");
    expect(formatPeriod("2024-04", "2024-08")).toBe("d’avril à août 2024");
    expect(formatPeriod("2006", "2007")).toBe("de 2006 à 2007");
  });
});

describe("the timeline of data/evenements.csv", () => {
  it("has every event id once, newest first, grouped by year", () => {
    const ids = [...new Set(events.rows.map((r) => String(r.id)))];
    expect(all.map((e) => e.id).sort()).toEqual(ids.sort());
    expect(timeline.count).toBe(ids.length);
    const starts = all.map((e) => e.start);
    expect([...starts].sort().reverse()).toEqual(starts);
    for (const y of timeline.years) for (const e of y.events) expect(e.start.startsWith(y.year)).toBe(true);
    expect(all.reduce((n, e) => n + e.readings.length, 0)).toBe(events.rows.length);
  });

  it("keeps every reading when sources disagree on a figure: « une soixantaine » and « près de 70 »", () => {
    const bayonne = byId.get("2025-11-21-bayonne-rassemblement-cpam")!;
    expect(bayonne.readings.map((r) => r.figure).sort()).toEqual(["environ 60\u00a0participants", "près de 70\u00a0participants"]);
    expect(bayonne.figures).toEqual(["60 à 70\u00a0participants selon les sources"]);
    expect(bayonne.places).toEqual([{ lieu: "Bayonne", departement: { code: "64", nom: "Pyrénées-Atlantiques" } }]);
    expect(bayonne.types.map((t) => t.label)).toEqual(["Mobilisation, grève ou manifestation"]);
  });

  it("gives both dates when sources disagree, the fuller one when they agree", () => {
    const mg = [...byId.values()].find((e) => e.id === "2023-06-mg-france-communique-campagne-controle")!;
    expect(mg.datesDisagree).toBe(true);
    expect(mg.when).toMatch(/^1[56] juin 2023 ou 1[56] juin 2023$/);
    const mso = byId.get("2025-09-01-mso-premiere-periode")!;
    expect(mso.datesDisagree).toBe(false);
    expect(mso.when).toBe("du 1er septembre 2025 au 28 février 2026");
  });

  it("lists the types present, with their event counts", () => {
    const counted = timeline.types.reduce((n, t) => n + t.count, 0);
    expect(counted).toBeGreaterThanOrEqual(timeline.count);
    expect(timeline.types.find((t) => t.code === "mobilisation")?.label).toBe("Mobilisation, grève ou manifestation");
    for (const e of all) for (const t of e.types) expect(timeline.types.some((x) => x.code === t.code)).toBe(true);
  });

  it("links back to the articles that tell an event", () => {
    const article = { slug: "exemple", title: "Exemple", events: ["2025-11-21-bayonne-rassemblement-cpam"] } as Parameters<typeof buildTimeline>[1][number];
    const linked = buildTimeline(events, [article]).years.flatMap((y) => y.events).filter((e) => e.articles.length > 0);
    expect(linked.map((e) => [e.id, e.articles])).toEqual([["2025-11-21-bayonne-rassemblement-cpam", [{ slug: "exemple", title: "Exemple" }]]]);
  });
});
