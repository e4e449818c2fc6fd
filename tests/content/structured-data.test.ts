import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { jsonLdText } from "../../src/site/structured-data.ts";
import { builtSite } from "../setup/site.ts";

/**
 * JSON-LD (issue 13, point 7): NewsArticle on dossiers, Dataset on dataset pages, ImageObject and Dataset
 * on chart pages, validated against the subset of schema.org they use (tests/fixtures/schema-org/types.json,
 * with its origin): every type known, every property declared on the type or a parent, every value of
 * an expected type, and what Google asks of each type present.
 */
interface Vocabulary {
  types: Record<string, { subClassOf?: string; properties: Record<string, string[]> }>;
  required: Record<string, { all: string[]; oneOf?: string[] }>;
}
const VOCABULARY: Vocabulary = JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "schema-org", "types.json"), "utf8"));

const ancestry = (type: string): string[] => {
  const t = VOCABULARY.types[type];
  return t ? [type, ...(t.subClassOf ? ancestry(t.subClassOf) : [])] : [];
};
const rangeOf = (type: string, property: string) => ancestry(type).map((t) => VOCABULARY.types[t]!.properties[property]).find(Boolean);

type Node = Record<string, unknown>;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Problems of one JSON-LD document against the vocabulary (empty when it validates). */
export function validateJsonLd(doc: unknown): string[] {
  const problems: string[] = [];
  if (typeof doc !== "object" || doc === null) return ["expected an object"];
  const root = doc as Node;
  if (root["@context"] !== "https://schema.org") problems.push(`@context: expected "https://schema.org", found ${JSON.stringify(root["@context"])}`);
  const nodes = Array.isArray(root["@graph"]) ? (root["@graph"] as Node[]) : [root];
  const byId = new Map(nodes.filter((n) => typeof n["@id"] === "string").map((n) => [n["@id"] as string, n]));
  const fits = (value: unknown, range: string[]): boolean => {
    if (typeof value === "string")
      return (
        (range.includes("Text") && value.trim() !== "") ||
        (range.includes("URL") && /^https?:\/\/[^\s]+$/.test(value)) ||
        (range.includes("Date") && DATE.test(value)) ||
        (range.includes("DateTime") && DATE_TIME.test(value))
      );
    if (typeof value === "boolean") return range.includes("Boolean");
    if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
    const node = value as Node;
    const target = Object.keys(node).length === 1 && typeof node["@id"] === "string" ? byId.get(node["@id"]) : node;
    if (!target) return false;
    return ancestry(String(target["@type"])).some((t) => range.includes(t));
  };
  const visit = (node: Node, path: string) => {
    if (Object.keys(node).length === 1 && typeof node["@id"] === "string") {
      if (!byId.has(node["@id"])) problems.push(`${path}: reference ${node["@id"]} to no node of the graph`);
      return;
    }
    const type = node["@type"];
    if (typeof type !== "string" || !VOCABULARY.types[type]) {
      problems.push(`${path}: expected a @type of the vocabulary, found ${JSON.stringify(type)}`);
      return;
    }
    const required = VOCABULARY.required[type];
    for (const p of required?.all ?? []) if (node[p] === undefined) problems.push(`${path} (${type}): expected "${p}", found none`);
    if (required?.oneOf && !required.oneOf.some((p) => node[p] !== undefined)) problems.push(`${path} (${type}): expected one of ${required.oneOf.join(", ")}, found none`);
    for (const [key, raw] of Object.entries(node)) {
      if (key.startsWith("@")) continue;
      const range = rangeOf(type, key);
      if (!range) {
        problems.push(`${path} (${type}): expected a property of ${type}, found "${key}"`);
        continue;
      }
      for (const [i, value] of (Array.isArray(raw) ? raw : [raw]).entries()) {
        const at = `${path}.${key}${Array.isArray(raw) ? `[${i}]` : ""}`;
        if (!fits(value, range)) problems.push(`${at}: expected ${range.join(" or ")}, found ${JSON.stringify(value).slice(0, 80)}`);
        else if (typeof value === "object" && value !== null) visit(value as Node, at);
      }
    }
  };
  nodes.forEach((n, i) => visit(n, Array.isArray(root["@graph"]) ? `@graph[${i}]` : "$"));
  return problems;
}

describe("the schema.org validator", () => {
  const ok = { "@context": "https://schema.org", "@type": "Dataset", name: "Jeu", description: "Un jeu de données de test", url: "https://example.org/" };
  it("accepts a valid document and refuses unknown types and properties, wrong values, missing requirements", () => {
    expect(validateJsonLd(ok)).toEqual([]);
    expect(validateJsonLd({ ...ok, "@type": "Datset" })).toEqual(['$: expected a @type of the vocabulary, found "Datset"']);
    expect(validateJsonLd({ ...ok, caption: "x" })).toEqual(['$ (Dataset): expected a property of Dataset, found "caption"']);
    expect(validateJsonLd({ ...ok, url: "/relative/" })).toEqual(['$.url: expected URL, found "/relative/"']);
    expect(validateJsonLd({ ...ok, dateModified: "25/11/2026" })).toEqual(['$.dateModified: expected Date or DateTime, found "25/11/2026"']);
    expect(validateJsonLd({ ...ok, creator: { "@type": "Dataset", name: "x", description: "y" } })).toEqual(['$.creator: expected Organization or Person, found {"@type":"Dataset","name":"x","description":"y"}']);
    const { description: _, ...noDescription } = ok;
    expect(validateJsonLd(noDescription)).toEqual(['$ (Dataset): expected "description", found none']);
    expect(validateJsonLd({ "@context": "https://schema.org", "@graph": [{ "@type": "ImageObject", contentUrl: "https://example.org/a.png", isBasedOn: { "@id": "#nowhere" } }] })).toEqual([
      "@graph[0] (ImageObject): expected one of creator, creditText, copyrightNotice, license, found none",
      '@graph[0].isBasedOn: expected CreativeWork or Product or URL, found {"@id":"#nowhere"}'
    ]);
  });

  it("JSON-LD text cannot end its <script> element, whatever a title holds", () => {
    const title = `Titre </script><script>window.__pwned=1</script> <!-- & \u2028`;
    const text = jsonLdText({ "@context": "https://schema.org", "@type": "Dataset", name: title });
    expect(text).not.toMatch(/[<>&\u2028]/);
    const { document } = parseHTML(`<html><head><script type="application/ld+json">${text}</script></head><body></body></html>`);
    expect(document.querySelectorAll("script")).toHaveLength(1);
    expect(JSON.parse(document.querySelector("script")!.textContent!).name).toBe(title);
  });
});

describe("JSON-LD of the built pages", () => {
  const { distDir } = builtSite();
  const jsonLd = (...parts: string[]) => {
    const { document } = parseHTML(readFileSync(join(distDir, ...parts, "index.html"), "utf8"));
    return [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent ?? "") as Node);
  };
  const dirs = (...parts: string[]) =>
    readdirSync(join(distDir, ...parts), { withFileTypes: true })
      .filter((e) => e.isDirectory() && readdirSync(join(distDir, ...parts, e.name)).includes("index.html"))
      .map((e) => e.name);
  const typesOf = (doc: Node) => (Array.isArray(doc["@graph"]) ? (doc["@graph"] as Node[]) : [doc]).map((n) => n["@type"]);

  it("every dossier is a NewsArticle, every dataset page a Dataset, every chart page an ImageObject and a Dataset, all valid", () => {
    const problems: string[] = [];
    const pages: [string[], string[]][] = [
      ...dirs("articles").map((s): [string[], string[]] => [["articles", s], ["NewsArticle"]]),
      ...dirs("donnees").map((s): [string[], string[]] => [["donnees", s], ["Dataset"]]),
      ...dirs("graphiques").map((s): [string[], string[]] => [["graphiques", s], ["ImageObject", "Dataset"]])
    ];
    expect(pages.length).toBeGreaterThan(40);
    for (const [parts, types] of pages) {
      const docs = jsonLd(...parts);
      if (docs.length !== 1) {
        problems.push(`${parts.join("/")}: expected one JSON-LD document, found ${docs.length}`);
        continue;
      }
      if (JSON.stringify(typesOf(docs[0]!)) !== JSON.stringify(types)) problems.push(`${parts.join("/")}: expected ${types.join(", ")}, found ${typesOf(docs[0]!).join(", ")}`);
      for (const p of validateJsonLd(docs[0])) problems.push(`${parts.join("/")}: ${p}`);
      // Dataset search asks for a description of 50 to 5 000 characters.
      for (const n of (docs[0]!["@graph"] as Node[] | undefined) ?? [docs[0]!])
        if (n["@type"] === "Dataset" && !(String(n.description).length >= 50 && String(n.description).length <= 5000))
          problems.push(`${parts.join("/")}: Dataset description of ${String(n.description).length} characters`);
    }
    expect(problems).toEqual([]);
  });

  it("says what the page says: a dossier's headline, date and image, a chart's picture, credit and rows", () => {
    const [article] = jsonLd("articles", "pourquoi-les-ij-augmentent");
    expect(article).toMatchObject({
      "@type": "NewsArticle",
      headline: "Pourquoi les indemnités journalières augmentent",
      datePublished: "2026-11-25",
      author: [{ "@type": "Organization", name: "Sous objectif" }],
      inLanguage: "fr"
    });
    expect((article!.image as string[])[0]).toMatch(/\/articles\/pourquoi-les-ij-augmentent\/og\.png$/);
    const [chart] = jsonLd("graphiques", "ij-risques-2023");
    const [image, rows] = chart!["@graph"] as Node[];
    expect(image).toMatchObject({ name: "Les arrêts maladie pèsent près de trois cinquièmes des indemnités journalières", license: "https://creativecommons.org/licenses/by/4.0/deed.fr" });
    expect(image!.contentUrl).toMatch(/\/graphiques\/ij-risques-2023\/ij-risques-2023\.png$/);
    expect(image!.creditText).toMatch(/^Source\u00a0: Sous objectif, d'après DREES/);
    expect((rows!.distribution as Node[])[0]!.contentUrl).toMatch(/\/graphiques\/ij-risques-2023\/ij-risques-2023\.csv$/);
    expect(rows!.isBasedOn).toMatch(/\/donnees\/ij-depenses\/$/);
    const [dataset] = jsonLd("donnees", "ij-depenses");
    expect(dataset).toMatchObject({ "@type": "Dataset", identifier: "ij-depenses", dateModified: "2026-11-25" });
    expect((dataset!.distribution as Node[]).map((d) => String(d.contentUrl).replace(/^.*\/donnees\//, ""))).toEqual(["ij-depenses/ij-depenses.csv", "ij-depenses/ij-depenses.json", "ij-depenses/datapackage.json"]);
    expect(jsonLd("a-propos")).toEqual([]);
  });
});
