import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { csvFormatRows, csvParseRows } from "d3-dsv";
import { parseHTML } from "linkedom";
import type { Browser, Page } from "playwright-core";
import { parse as parseYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildSite } from "../../scripts/build.ts";
import { serveStatic } from "../../scripts/static-server.ts";
import type { ChartSpec } from "../../src/charts/define.ts";
import { charts } from "../../src/charts/index.ts";
import { parseArticle } from "../../src/lib/articles.ts";
import { renderMarkdown } from "../../src/lib/markdown.ts";
import { SourceSchema } from "../../src/lib/sources.ts";
import { acceptHeadline, headlinesToReview } from "../../src/site/headline-review.ts";
import { loadSite } from "../../src/site/site.ts";
import { launchBrowser } from "../setup/browser.ts";
import { open } from "../browser/lib.ts";
import { HTML_PAYLOADS, MARK, MARKDOWN_BODY, REFUSED_MARKDOWN_LINKS, short } from "./payloads.ts";

/**
 * Untrusted text (Markdown, front matter, CSV cells, source and glossary entries) must reach the page
 * as text, never as markup. A copy of the project gets a dataset, a source, a chart, an article, an
 * event and a glossary entry full of script-injection attempts, is built ONCE, and every page of that
 * build is read (no event-handler attribute, no script URL, no script but the site's own) and every
 * page carrying a payload is opened in Chromium (no dialog, window.__pwned never set).
 */

const ROOT = resolve(import.meta.dirname, "..", "..");
const COPIED = ["data", "content", "src", "public", "astro.config.mjs", "package.json", "tsconfig.json"];
const pwned = (i: number) => `window.${MARK}=${i}`;

let tmp: string;
let dist: string;
let buildError: string | undefined;
let spec: ChartSpec | undefined;
const accepted: [ChartSpec, string | undefined][] = [];

function writeCorpus(root: string): void {
  const w = (path: string, text: string) => {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  // A source whose every text field is hostile, and whose URL tries to break out of href="…".
  w(
    "data/sources/so-pwned.yaml",
    `- id: so-pwned
  title: ${JSON.stringify(`${short(0)} Rapport ${short(5)}`)}
  publisher: ${JSON.stringify(short(1))}
  tier: republication
  republication_note: ${JSON.stringify(short(6))}
  via: ${JSON.stringify(short(2))}
  url: ${JSON.stringify(`https://example.org/?q="><script>${pwned(60)}</script>&x='onmouseover='${pwned(61)}`)}
  date: 2025-11-21
  date_note: ${JSON.stringify(short(3))}
  accessed: 2025-11-25
  licence: ${JSON.stringify(short(4))}
`
  );
  // A dataset whose text cells are the payloads, shown in tables, chart labels, tooltips and legends.
  w(
    "data/so-pwned.yaml",
    `title: ${JSON.stringify(`Jeu piégé ${short(0)}`)}
description: ${JSON.stringify(`Description ${short(1)}`)}
scope: ${JSON.stringify(`Périmètre ${short(3)}`)}
updated: 2025-11-25
licence: ${JSON.stringify(short(6))}
key: [categorie, source]
notes: [${JSON.stringify(short(7))}]
not_found: [${JSON.stringify(short(2))}]
columns:
  - name: categorie
    type: string
    label: ${JSON.stringify(`Catégorie ${short(9)}`)}
  - name: libelle
    type: text
    label: Libellé
  - name: valeur
    type: number
    label: Valeur
    figure: true
  - name: source
    type: source
    label: Source
  - name: extrait
    type: text
    label: Extrait
`
  );
  w(
    "data/so-pwned.csv",
    csvFormatRows([
      ["categorie", "libelle", "valeur", "source", "extrait"],
      ...HTML_PAYLOADS.map((p, i) => [`${i + 1} ${p.replace(/\s*[\r\n]+\s*/g, " ").trim()}`, `${p}\n${short(i + 1)}`, String(i + 1), "so-pwned", `${p} — valeur : ${i + 1}.`]),
      // The other payloads carry numbers 20 to 99 (window.__pwned=n): rows hold them, so that the
      // article's figure check (every number must be a cited row's) passes and the build reaches Astro.
      ...Array.from({ length: 80 }, (_, k) => [`md-${k + 20}`, "Charge du Markdown", String(k + 20), "so-pwned", `valeur : ${k + 20}.`])
    ]) + "\n"
  );
  // A chart drawing those rows: payloads become axis labels, text marks, tooltips, legend and alt text.
  w(
    "src/charts/so-pwned.ts",
    `import * as Plot from "@observablehq/plot";
import { defineChart } from "./define.ts";

export default defineChart({
  id: "so-pwned",
  dataset: "so-pwned",
  title: "Graphique de test : libellés piégés",
  subtitle: "Valeurs fictives, libellés tirés d'un CSV hostile",
  alt: "Barres horizontales de test.",
  describe: (rows) => "Barres : " + rows.map((r) => String(r.categorie) + " = " + String(r.valeur)).join(" ; "),
  notes: ["Note du graphique."],
  rows: (d) => d.rows,
  legend: (rows) => rows.slice(0, 3).map((r, i) => ({ key: String(r.categorie), label: String(r.libelle), color: ["#1f5f8b", "#9a3412", "#3f6212"][i] ?? "#000" })),
  plot: (rows) => ({
    marginLeft: 200,
    height: 40 + 24 * rows.length,
    x: { label: null, grid: true },
    y: { label: null, domain: rows.map((r) => String(r.categorie)) },
    marks: [
      Plot.barX(rows, { x: "valeur", y: "categorie", fill: "#1f5f8b", title: (r) => String(r.libelle) }),
      Plot.text(rows, { x: "valeur", y: "categorie", text: (r) => String(r.extrait), dx: 4, textAnchor: "start" }),
      Plot.ruleX([0])
    ]
  })
});
`
  );
  appendFileSync(join(root, "src/charts/index.ts"), `\nimport soPwned from "./so-pwned.ts";\ncharts.push(soPwned);\n`);
  // An event of the timeline, every column filled from its declared type, text columns hostile.
  const eventMeta = join(root, "data", "evenements.yaml");
  const hasEvents = existsSync(eventMeta) && existsSync(join(root, "data", "evenements.csv"));
  if (hasEvents) {
    const meta = parseYaml(readFileSync(eventMeta, "utf8")) as { columns: { name: string; type: string; required?: boolean; values?: Record<string, string> }[] };
    const header = csvParseRows(readFileSync(join(root, "data", "evenements.csv"), "utf8").split("\n")[0]!)[0]!;
    const cell = (name: string, i: number): string => {
      const col = meta.columns.find((c) => c.name === name);
      if (name === "id") return "so-pwned-evenement";
      if (name === "source") return "so-pwned";
      if (!col || (col.required === false && !["titre", "description", "lieu", "extrait"].includes(name))) return "";
      switch (col.type) {
        case "date":
          return "2025-11-21";
        case "enum":
          return Object.keys(col.values ?? {})[0] ?? "";
        case "departement":
          return "64";
        case "integer":
        case "number":
          return "";
        case "string":
          return `${short(i)}`.replace(/\s*[\r\n]+\s*/g, " ").trim();
        default:
          return short(i + 1);
      }
    };
    appendFileSync(join(root, "data", "evenements.csv"), csvFormatRows([header.map(cell)]) + "\n");
  }
  // A glossary entry, whose spelling appears in the article so the first-use markup carries it.
  if (existsSync(join(root, "content", "glossaire.yaml")))
    appendFileSync(
      join(root, "content", "glossaire.yaml"),
      `
- terme: ${JSON.stringify(`zzz ${short(0)}`)}
  developpe: ${JSON.stringify(short(3))}
  definition: ${JSON.stringify(`${short(1)}. ${short(4)}`)}
  variantes: ["PWNEDTERM"]
  source:
    titre: ${JSON.stringify(short(2))}
    url: ${JSON.stringify(`https://example.org/glossaire?"><script>${pwned(62)}</script>`)}
`
    );
  // An article: hostile front matter, hostile body.
  w(
    "content/articles/so-pwned.md",
    `---
title: ${JSON.stringify(`${short(0)} Titre « piégé » ${short(3)}`)}
date: 2025-11-22
summary: ${JSON.stringify(`${short(3)} </title></textarea><script>${pwned(63)}</script> ${short(1)}`)}
author: ${JSON.stringify(short(2))}
tags: [${JSON.stringify(short(1))}, ${JSON.stringify(short(4))}]
sources: [so-pwned]
datasets: [so-pwned]
${hasEvents ? "events: [so-pwned-evenement]\n" : ""}---
${MARKDOWN_BODY}`
  );
}

/** Every file of a folder with the extension, as dist-relative paths. */
function filesIn(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

/** A URL that runs script: javascript:/vbscript: (control characters and spaces ignored, as browsers do), or a data: document. */
const SCRIPT_URL = /^[\s\u0000-\u001f]*(j[\s\u0000-\u001f]*a[\s\u0000-\u001f]*v[\s\u0000-\u001f]*a[\s\u0000-\u001f]*s[\s\u0000-\u001f]*c[\s\u0000-\u001f]*r[\s\u0000-\u001f]*i[\s\u0000-\u001f]*p[\s\u0000-\u001f]*t|vbscript)\s*:|^\s*data:\s*(text\/html|application\/(xhtml\+xml|x?html|javascript|ecmascript)|text\/(java|ecma)script|image\/svg\+xml)/i;
/** Where any data: URL is a document of its own (a link target, a frame): none belongs there. */
const NAVIGABLE = new Set(["a href", "area href", "iframe src", "frame src", "object data", "embed src", "form action", "button formaction", "input formaction"]);
const URL_ATTRS = ["href", "src", "action", "formaction", "data", "xlink:href", "poster", "srcdoc", "background", "to", "from", "values"];
const INERT_SCRIPT_TYPES = /^(application\/(ld\+)?json|importmap)$/i;

/** Problems of one built HTML (or SVG) document: handlers, script URLs, scripts that are not the site's own. */
function unsafeMarkup(doc: Document, knownScripts: Set<string>): string[] {
  const found: string[] = [];
  for (const el of doc.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    for (const name of el.getAttributeNames?.() ?? [...el.attributes].map((a) => a.name)) {
      const value = el.getAttribute(name) ?? "";
      if (/^on/i.test(name)) found.push(`<${tag} ${name}="${value.slice(0, 60)}">: event-handler attribute`);
      if (URL_ATTRS.includes(name.toLowerCase()) && (SCRIPT_URL.test(value) || (NAVIGABLE.has(`${tag} ${name.toLowerCase()}`) && /^\s*data:/i.test(value))))
        found.push(`<${tag} ${name}="${value.slice(0, 60)}">: script URL`);
      if (name.toLowerCase() === "style" && value.includes(MARK)) found.push(`<${tag} style="${value.slice(0, 60)}">: style from untrusted text`);
    }
    if (["iframe", "object", "embed", "frame", "applet"].includes(tag) && el.outerHTML.includes(MARK)) found.push(`<${tag}>: injected element`);
    if (tag === "base" && el.hasAttribute("href")) found.push(`<base href="${el.getAttribute("href")}">: rebases every link`);
    if (tag === "meta" && /refresh/i.test(el.getAttribute("http-equiv") ?? "")) found.push("<meta http-equiv=refresh>");
    if (tag === "style" && (el.textContent ?? "").includes(MARK)) found.push("<style> with untrusted text");
    if (tag === "script") {
      const type = (el.getAttribute("type") ?? "").trim();
      const body = el.textContent ?? "";
      // A data block (JSON-LD) may carry untrusted text as JSON strings, if nothing in it can end the
      // element or open markup: valid JSON, with every < written as \u003c.
      if (INERT_SCRIPT_TYPES.test(type)) {
        try {
          JSON.parse(body);
        } catch {
          found.push(`<script type="${type}">: not valid JSON (broken out of?)`);
        }
        if (body.includes("<")) found.push(`<script type="${type}">: a raw < could end the element: ${body.slice(body.indexOf("<"), body.indexOf("<") + 80)}`);
      } else if (body.includes(MARK)) found.push(`<script>: contains untrusted text: ${body.slice(0, 80)}`);
      else if (!knownScripts.has(scriptKey(el))) found.push(`<script${type ? ` type="${type}"` : ""}>: not one of the site's own scripts: ${(el.getAttribute("src") ?? body).slice(0, 80)}`);
    }
  }
  return found;
}

function scriptKey(el: Element): string {
  return `${el.getAttribute("type") ?? ""}|${el.getAttribute("src") ?? ""}|${el.textContent ?? ""}`;
}

describe("untrusted text never becomes markup", () => {
  describe("the checker refuses script URLs written plainly, before any build", () => {
    for (const link of REFUSED_MARKDOWN_LINKS)
      it(link, () => {
        const text = `---\ntitle: T\ndate: 2025-01-01\nsummary: S\ntags: [t]\nsources: [s]\n---\n\nVoir ${link}.\n`;
        const { problems } = parseArticle(text, "content/articles/x.md", "x");
        expect(problems.map((p) => p.message).join("\n")).toMatch(/lien : attendu une URL http\(s\) ou un chemin du site/);
        // and even if a variant slipped past the checker, the renderer does not make it a link
        expect(renderMarkdown(`Voir ${link}.`)).not.toMatch(/<(a|img)\b[^>]*(href|src)="\s*(javascript|vbscript|data|file):/i);
      });
    for (const url of ["javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "https://exa mple.org/"])
      it(`source url ${JSON.stringify(url)}`, () => {
        const base = { id: "x", title: "T", publisher: "P", tier: "presse", date: "2025", accessed: "2025-01-01" };
        expect(SourceSchema.safeParse({ ...base, url }).success).toBe(false);
      });
  });

  describe("a build full of payloads renders them inert", () => {
    let server: Server | undefined;
    let browser: Browser | undefined;
    let pages: string[] = [];
    let carrying: string[] = [];
    let siteUrl = "";

    beforeAll(async () => {
      tmp = mkdtempSync(join(tmpdir(), "so-security-"));
      for (const entry of COPIED) cpSync(join(ROOT, entry), join(tmp, entry), { recursive: true });
      symlinkSync(join(ROOT, "node_modules"), join(tmp, "node_modules"), "dir");
      writeCorpus(tmp);
      // The build's own check runs with this process's chart registry: the hostile chart joins it.
      spec = ((await import(pathToFileURL(join(tmp, "src/charts/so-pwned.ts")).href)) as { default: ChartSpec }).default;
      charts.push(spec);
      // The corpus adds rows to the timeline and a chart of its own: their headlines count as reviewed
      // here (this test is about markup; headline review is tested in tests/unit/headline.test.ts).
      for (const h of headlinesToReview(loadSite(tmp))) {
        const reviewed = charts.find((c) => c.id === h.id)!;
        accepted.push([reviewed, reviewed.reviewedRows]);
        reviewed.reviewedRows = h.found;
        acceptHeadline(tmp, h); // the copy's module too: astro builds from it in its own process
      }
      try {
        buildSite(tmp, "dist");
      } catch (error) {
        buildError = (error as Error).message;
        return;
      }
      dist = join(tmp, "dist");
      pages = filesIn(dist, ".html");
      carrying = pages.filter((p) => readFileSync(join(dist, p), "utf8").includes(MARK));
      server = await serveStatic(dist, 0);
      const address = server.address();
      siteUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
      browser = await launchBrowser();
    });

    afterAll(async () => {
      for (const [c, reviewed] of accepted) c.reviewedRows = reviewed;
      if (spec) charts.splice(charts.indexOf(spec), 1);
      await browser?.close();
      await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    });

    it("builds (the corpus passes the checker: what it refuses is tested above)", () => {
      expect(buildError).toBeUndefined();
    });

    it("the payloads reach the pages, as visible text", () => {
      expect(buildError).toBeUndefined();
      const text = (p: string) => parseHTML(readFileSync(join(dist, p), "utf8")).document.body.textContent ?? "";
      const article = text("articles/so-pwned/index.html");
      expect(article).toContain(`<script>${pwned(20)};alert(20)</script>`);
      expect(article).toContain(`${HTML_PAYLOADS[0]} Titre`);
      expect(article).toContain(`javascript:${pwned(30)}`);
      const chart = text("graphiques/so-pwned/index.html");
      expect(chart).toContain(HTML_PAYLOADS[1]);
      expect(chart).toContain(`${HTML_PAYLOADS[0]} Rapport`);
      expect(carrying).toEqual(expect.arrayContaining(["articles/so-pwned/index.html", "graphiques/so-pwned/index.html"]));
    });

    it("no page has an event-handler attribute, a script URL or a script that is not the site's own", () => {
      expect(buildError).toBeUndefined();
      // The site's own scripts: those of the real build (global setup) and of the pages of this build
      // that carry no payload. A script made of untrusted text would be in neither.
      const known = new Set<string>();
      if (!inject("buildError"))
        for (const p of filesIn(inject("distDir"), ".html"))
          for (const s of parseHTML(readFileSync(join(inject("distDir"), p), "utf8")).document.querySelectorAll("script")) known.add(scriptKey(s));
      for (const p of pages.filter((p) => !carrying.includes(p)))
        for (const s of parseHTML(readFileSync(join(dist, p), "utf8")).document.querySelectorAll("script")) known.add(scriptKey(s));
      const found: string[] = [];
      for (const p of pages) for (const problem of unsafeMarkup(parseHTML(readFileSync(join(dist, p), "utf8")).document, known)) found.push(`${p}: ${problem}`);
      // Stand-alone SVG files (chart downloads) run their scripts when opened directly.
      for (const p of filesIn(dist, ".svg")) {
        const svg = new (parseHTML("").DOMParser)().parseFromString(readFileSync(join(dist, p), "utf8"), "image/svg+xml");
        for (const problem of unsafeMarkup(svg as unknown as Document, new Set())) found.push(`${p}: ${problem}`);
      }
      expect([...new Set(found)]).toEqual([]);
    });

    it("in Chromium, no payload runs: no dialog, window.__pwned never set, no stray request", async () => {
      expect(buildError).toBeUndefined();
      // Plus the search results for the payload text, as the site's search form submits it.
      // (« piégé » is in the hostile article's title, dataset title and glossary entry.)
      const input = parseHTML(readFileSync(join(dist, "index.html"), "utf8")).document.querySelector('input[type="search"]');
      const form = input?.closest("form");
      const search = form && input?.getAttribute("name") ? [`${form.getAttribute("action") ?? "/"}?${input.getAttribute("name")}=${encodeURIComponent("piégé")}`] : [];
      const targets = [...carrying.map((p) => "/" + p.replace(/index\.html$/, "")), ...search];
      expect(targets.length).toBeGreaterThan(1);
      const context = await browser!.newContext({ viewport: { width: 1280, height: 800 } });
      const failures: string[] = [];
      for (const path of targets) {
        const dialogs: string[] = [];
        const { page, report } = await open(context, siteUrl + path, (page) =>
          page.on("dialog", (d) => {
            dialogs.push(d.message());
            void d.dismiss();
          })
        );
        await attack(page);
        const set = await Promise.all(page.frames().map((f) => f.evaluate(() => (window as unknown as Record<string, unknown>)["__pwned"]).catch(() => undefined)));
        const ran = set.filter((v) => v !== undefined);
        if (dialogs.length) failures.push(`${path}: dialog(s) ${dialogs.join(", ")}`);
        if (ran.length) failures.push(`${path}: window.__pwned = ${ran.join(", ")}`);
        if (report.failedRequests.length || report.foreignRequests.length) failures.push(`${path}: requests ${[...report.failedRequests, ...report.foreignRequests].join(", ")}`);
        await page.close();
      }
      await context.close();
      expect(failures).toEqual([]);
    }, 180_000);
  });
});

/**
 * What a reader does that could wake a payload up: hover the chart marks (tooltips), tab through
 * the page (focus handlers, autofocus), search for the payload text (result rendering).
 */
async function attack(page: Page): Promise<void> {
  const figures = await page.locator("figure.chart").count();
  for (let f = 0; f < Math.min(figures, 6); f++) {
    const points = await page.evaluate((f) => {
      const figure = document.querySelectorAll("figure.chart")[f]!;
      figure.scrollIntoView();
      return [...figure.querySelectorAll("svg title, svg [aria-label]")]
        .map((t) => (t.tagName.toLowerCase() === "title" ? t.parentElement! : t).getBoundingClientRect())
        .filter((r) => r.width > 0 && r.top >= 0 && r.bottom <= innerHeight)
        .slice(0, 12)
        .map((r) => [r.x + r.width / 2, r.y + r.height / 2] as const);
    }, f);
    for (const [x, y] of points) await page.mouse.move(x, y);
  }
  for (let i = 0; i < 40; i++) await page.keyboard.press("Tab");
  const search = page.locator('main input[type="search"]');
  if ((await search.count()) > 0 && (await search.first().isVisible())) {
    await search.first().fill("piégé");
    await page.waitForTimeout(800);
  }
  await page.waitForTimeout(100);
}
