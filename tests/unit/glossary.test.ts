import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareTerms, glossaryId, loadGlossary, summaryOf, type GlossaryTerm } from "../../src/lib/glossary.ts";
import { renderMarkdown } from "../../src/lib/markdown.ts";
import type { Problem } from "../../src/lib/problems.ts";
import { loadSite } from "../../src/site/site.ts";
import { report, siteWith } from "../setup/fixture-site.ts";

describe("content/glossaire.yaml", () => {
  const problems: Problem[] = [];
  const glossary = loadGlossary(process.cwd(), problems);

  it("is valid, with at least 30 entries", () => {
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`)).toEqual([]);
    expect(glossary.entries.length).toBeGreaterThanOrEqual(30);
  });

  it("is loaded and checked by loadSite()", () => {
    const site = loadSite();
    expect(site.glossary.entries.length).toBe(glossary.entries.length);
    expect(site.problems.filter((p) => p.file === "content/glossaire.yaml")).toEqual([]);
  });

  it("gives every entry a unique anchor, a definition and resolvable « voir » links", () => {
    const ids = glossary.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(ids).toContain("mso");
    const terms = new Set(glossary.entries.map((e) => e.terme));
    for (const e of glossary.entries) for (const v of e.voir) expect(terms.has(v), `${e.terme} → ${v}`).toBe(true);
  });

  it("is sorted in French dictionary order", () => {
    const terms = glossary.entries.map((e) => e.terme);
    expect([...terms].sort(compareTerms)).toEqual(terms);
    expect(terms.indexOf("délai de carence")).toBeLessThan(terms.indexOf("DREES"));
  });
});

describe("glossary checks (loadSite reports file:line:column)", () => {
  it("locates an unknown « voir », a shared spelling and an invalid entry, and keeps the valid ones", () => {
    const root = siteWith();
    mkdirSync(join(root, "content"), { recursive: true });
    writeFileSync(
      join(root, "content", "glossaire.yaml"),
      [
        "- terme: IJ",
        "  developpe: indemnités journalières",
        "  definition: Sommes versées.",
        '  variantes: ["IJ"]',
        '  voir: ["XYZ"]',
        "- terme: SOS IJ",
        "  definition: Téléservice.",
        '  variantes: ["SOS IJ", "IJ"]',
        "- terme: MSO",
        '  variantes: ["MSO"]'
      ].join("\n")
    );
    expect(report(root).split("\n")).toEqual([
      'content/glossaire.yaml:5:10 champ "0.voir.0" : attendu un terme du glossaire, trouvé "XYZ"',
      'content/glossaire.yaml:8:25 champ "1.variantes.1" : attendu une graphie propre à une seule entrée, trouvé "IJ" aussi sous "IJ"',
      'content/glossaire.yaml:9:3 champ "2.definition" : attendu une définition, trouvé aucune valeur'
    ]);
    const problems: Problem[] = [];
    expect(loadGlossary(root, problems).entries.map((e) => e.id)).toEqual(["ij", "sos-ij"]);
  });

  it("treats a site without glossary as an empty glossary", () => {
    const problems: Problem[] = [];
    expect(loadGlossary(siteWith(), problems)).toEqual({ entries: [], terms: [] });
    expect(problems).toEqual([]);
  });

  it("derives anchors and tooltips", () => {
    expect(glossaryId("entretien d'alerte")).toBe("entretien-d-alerte");
    expect(glossaryId("Délai de carence")).toBe("delai-de-carence");
    expect(glossaryId("SOS IJ")).toBe("sos-ij");
    expect(summaryOf("Première phrase ; suite. Autre phrase.")).toBe("Première phrase.");
    expect(summaryOf("mot ".repeat(100), 40).length).toBeLessThanOrEqual(41);
  });
});

const TERMS: GlossaryTerm[] = [
  { id: "ij", variants: ["IJ", "indemnités journalières"], expansion: "indemnités journalières", summary: "Sommes versées." },
  { id: "sos-ij", variants: ["SOS IJ"], summary: "Téléservice <b>« expert »</b> & co." },
  { id: "contre-visite", variants: ["contre-visite", "contre-visites"], summary: "Contrôle demandé par l'employeur." },
  { id: "contre-visite-medicale", variants: ["contre-visite médicale"], summary: "Variante longue." },
  { id: "cnam", variants: ["CNAM", "Cnam"], expansion: 'Caisse "nationale" <d’assurance>', summary: "Caisse." },
  { id: "arret", variants: ["arrêt de travail", "arrêts de travail"], summary: "Prescription." },
  { id: "entretien-d-alerte", variants: ["entretien d'alerte"], summary: "Entretien." }
];
const md = (source: string) => renderMarkdown(source, { glossary: TERMS });
const links = (html: string, id: string) => html.split(`href="/glossaire/#${id}"`).length - 1;

describe("first-use glossary markup (markdown-it core rule, env.glossary)", () => {
  it("marks up an acronym once, at its first use, as <abbr title><a href></a></abbr>", () => {
    const html = md("Les IJ montent.\n\nLes IJ baissent, les IJ aussi.");
    expect(html).toContain('Les <abbr title="indemnités journalières"><a href="/glossaire/#ij" class="glossary-term">IJ</a></abbr> montent.');
    expect(links(html, "ij")).toBe(1);
  });

  it("counts any spelling as the use of its term", () => {
    const html = md("Les indemnités journalières, puis les IJ.");
    expect(links(html, "ij")).toBe(1);
    expect(html).toContain('<a href="/glossaire/#ij" class="glossary-term" title="Sommes versées.">indemnités journalières</a>');
    expect(html).toContain(", puis les IJ.");
  });

  it("prefers the longest spelling: « SOS IJ » before « IJ », « contre-visite médicale » before « contre-visite »", () => {
    const html = md("Le SOS IJ existe. Une contre-visite médicale, puis des contre-visites.");
    expect(html).toContain('<a href="/glossaire/#sos-ij" class="glossary-term"');
    expect(html).toContain(">SOS IJ</a>");
    expect(links(html, "ij")).toBe(0);
    expect(html).toContain(">contre-visite médicale</a>");
    expect(html).toContain('<a href="/glossaire/#contre-visite" class="glossary-term" title="Contrôle demandé par l’employeur.">contre-visites</a>');
    expect(md("Le SOS IJ, puis les IJ.")).toContain('<abbr title="indemnités journalières"><a href="/glossaire/#ij" class="glossary-term">IJ</a></abbr>.');
  });

  it("respects word boundaries and the case of acronyms", () => {
    const html = md("IJSS, BIJOU, la cnam, CNAMTS, anti-IJ, IJ-like.");
    expect(html).not.toContain("glossary-term");
    expect(md("La Cnam.")).toContain('<abbr title="Caisse &quot;nationale&quot; &lt;d’assurance&gt;"><a href="/glossaire/#cnam" class="glossary-term">Cnam</a></abbr>');
    expect(md("Arrêts de travail en hausse.")).toContain(">Arrêts de travail</a> en hausse.");
  });

  it("matches after French typography (apostrophes, non-breaking spaces)", () => {
    expect(md("L'entretien d'alerte.")).toContain(">entretien d’alerte</a>");
  });

  it("never marks up inside links, inline code, headings or chart fences", () => {
    const html = md("# Les IJ\n\n[les IJ](https://example.org/) `IJ`\n\n```chart\nIJ\n```\n\n```\nIJ\n```\n\nEnfin les IJ.");
    expect(html).toContain("<h1>Les IJ</h1>");
    expect(html).toContain('<a href="https://example.org/">les IJ</a>');
    expect(html).toContain("<code>IJ</code>");
    expect(links(html, "ij")).toBe(1);
    expect(html).toMatch(/Enfin les <abbr[^>]*><a href="\/glossaire\/#ij"/);
  });

  it("escapes what it writes and what it wraps", () => {
    const html = md("Le SOS IJ <script>alert(1)</script> & les IJ.");
    expect(html).toContain('title="Téléservice &lt;b&gt;«\u00a0expert\u00a0»&lt;/b&gt; &amp; co."');
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<b>");
  });

  it("starts again for each document and changes nothing without env.glossary", () => {
    expect(links(md("Les IJ."), "ij")).toBe(1);
    expect(links(md("Les IJ."), "ij")).toBe(1);
    expect(renderMarkdown("Les IJ.")).toBe("<p>Les IJ.</p>\n");
  });

  it("links the real glossary's terms in a real sentence", () => {
    const { terms } = loadGlossary(process.cwd(), []);
    const html = renderMarkdown("La CPAM a proposé une MSO ; le médecin a refusé, la caisse a engagé une MSAP. Le SOS IJ répond en quatre jours.", { glossary: terms });
    for (const id of ["cpam", "mso", "msap", "sos-ij"]) expect(links(html, id), id).toBe(1);
    expect(links(html, "ij")).toBe(0);
  });
});
