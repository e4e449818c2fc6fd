import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { loadSite } from "../../src/lib/site.ts";
import { builtSite } from "../setup/site.ts";

/**
 * Link integrity, read from the built HTML (what a reader clicks), and reference integrity, read from
 * the checked site (what the build was made of). The built site is walked, so new pages are covered.
 */

const { distDir } = builtSite();

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => join(e.parentPath, e.name));
}

/** The URL a built file is served at, e.g. dist/a/index.html → /a/. */
function urlPath(file: string): string {
  const rel = "/" + relative(distDir, file).split(sep).join("/");
  return rel.endsWith("/index.html") ? rel.slice(0, -"index.html".length) : rel;
}

/** The built file a URL path is served from (as scripts/static-server.ts does), or undefined. */
function target(pathname: string): string | undefined {
  let path: string;
  try {
    path = join(distDir, decodeURIComponent(pathname));
  } catch {
    return undefined;
  }
  if (!path.startsWith(distDir)) return undefined;
  if (existsSync(path) && statSync(path).isDirectory()) path = join(path, "index.html");
  return existsSync(path) && statSync(path).isFile() ? path : undefined;
}

const htmlFiles = files(distDir, ".html").sort();
const documents = new Map(htmlFiles.map((f) => [f, parseHTML(readFileSync(f, "utf8")).document]));
const idsCache = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let ids = idsCache.get(file);
  if (!ids) {
    const doc = documents.get(file) ?? parseHTML(readFileSync(file, "utf8")).document;
    ids = new Set([...doc.querySelectorAll("[id], a[name]")].map((e) => e.getAttribute("id") ?? e.getAttribute("name") ?? ""));
    idsCache.set(file, ids);
  }
  return ids;
}

/** The site's own origin, from the home page's canonical link: absolute links to it are internal too. */
const home = documents.get(join(distDir, "index.html"));
const siteOrigin = new URL(home?.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? "https://invalid.invalid/").origin;

const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "poster", "xlink:href"];

/** Every URL a page points to: link targets, resources, srcset candidates, og:/twitter: meta URLs. */
function references(doc: Document): { where: string; url: string }[] {
  const refs: { where: string; url: string }[] = [];
  for (const el of doc.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    for (const attr of URL_ATTRIBUTES) {
      const v = el.getAttribute(attr);
      if (v !== null) refs.push({ where: `<${tag} ${attr}>`, url: v.trim() });
    }
    const data = tag === "object" ? el.getAttribute("data") : null;
    if (data !== null) refs.push({ where: "<object data>", url: data.trim() });
    const srcset = el.getAttribute("srcset");
    if (srcset) for (const c of srcset.split(",")) refs.push({ where: `<${tag} srcset>`, url: c.trim().split(/\s+/)[0] ?? "" });
    const content = el.getAttribute("content");
    if (tag === "meta" && content && content.startsWith(siteOrigin)) refs.push({ where: `<meta ${el.getAttribute("property") ?? el.getAttribute("name")}>`, url: content });
  }
  return refs;
}

/** Why a reference does not resolve, or undefined when it does. */
function broken(from: string, url: string): string | undefined {
  if (url === "") return "empty URL";
  if (/^\s*(javascript|vbscript|data:text\/html)/i.test(url)) return "script URL";
  if (/^(mailto|tel|data):/i.test(url)) return undefined;
  let resolved: URL;
  try {
    resolved = new URL(url, siteOrigin + urlPath(from));
  } catch {
    return "malformed URL";
  }
  if (resolved.origin !== siteOrigin) return /^https?:$/.test(resolved.protocol) ? undefined : `unexpected scheme ${resolved.protocol}`;
  const file = target(resolved.pathname);
  if (!file) return "no such page or file in dist/";
  const anchor = decodeURIComponent(resolved.hash.slice(1));
  if (anchor && anchor !== "top" && extname(file) === ".html" && !idsOf(file).has(anchor)) return `no element with id "${anchor}" on ${urlPath(file)}`;
  return undefined;
}

describe("links in the built site", () => {
  it("the build has pages and a canonical origin", () => {
    expect(htmlFiles.length).toBeGreaterThan(0);
    expect(siteOrigin).not.toBe("https://invalid.invalid");
  });

  for (const file of htmlFiles) {
    it(`${urlPath(file)}: every internal href/src resolves, every #anchor exists`, () => {
      const bad = references(documents.get(file)!)
        .map((r) => ({ ...r, why: broken(file, r.url) }))
        .filter((r) => r.why)
        .map((r) => `${r.where} ${JSON.stringify(r.url)}: ${r.why}`);
      expect([...new Set(bad)]).toEqual([]);
    });
  }

  it("every <loc> of the sitemaps resolves", () => {
    const bad: string[] = [];
    for (const file of files(distDir, ".xml"))
      for (const m of readFileSync(file, "utf8").matchAll(/<loc>([^<]*)<\/loc>/g)) {
        const url = new URL(m[1]!.replace(/&amp;/g, "&"));
        if (url.origin !== siteOrigin || !target(url.pathname)) bad.push(`${urlPath(file)}: ${url.href}`);
      }
    expect(bad).toEqual([]);
  });
});

describe("references in the data and articles", () => {
  const site = loadSite();

  it("the checker finds no problem (chart fences, dataset and source references, links)", () => {
    expect(site.problems.map((p) => `${p.file}:${p.line ?? ""}:${p.column ?? ""} ${p.message}`)).toEqual([]);
  });

  it("every source URL is a well-formed absolute http(s) URL", () => {
    expect(site.catalogue.sources.size).toBeGreaterThan(0);
    const bad: string[] = [];
    for (const s of site.catalogue.sources.values()) {
      if (s.url === null) {
        if (!s.date_note) bad.push(`${s.id}: no URL and no note saying where to find it`);
        continue;
      }
      let url: URL | undefined;
      try {
        url = new URL(s.url);
      } catch {
        bad.push(`${s.id}: ${s.url} does not parse`);
        continue;
      }
      if (!/^https?:$/.test(url.protocol)) bad.push(`${s.id}: ${s.url} is not http(s)`);
      else if (/\s/.test(s.url) || !url.hostname.includes(".") || url.username || url.password) bad.push(`${s.id}: ${s.url} is not a plain public URL`);
    }
    expect(bad).toEqual([]);
  });

  it("every chart draws from a declared dataset", () => {
    expect([...site.charts.values()].filter((c) => !site.catalogue.datasets.has(c.spec.dataset)).map((c) => c.spec.id)).toEqual([]);
  });

  for (const article of site.articles) {
    it(`${article.file}: its charts, datasets, sources and events exist, and its built page shows every chart`, () => {
      expect(article.charts.map((c) => c.id).filter((id) => !site.charts.has(id)), "unknown chart ids").toEqual([]);
      expect(article.datasets.filter((id) => !site.catalogue.datasets.has(id)), "unknown dataset ids").toEqual([]);
      expect(article.sources.filter((id) => !site.catalogue.sources.has(id)), "unknown source ids").toEqual([]);
      const events = new Set(site.catalogue.datasets.get("evenements")?.rows.map((r) => String(r.id)));
      expect(article.events.filter((id) => !events.has(id)), "unknown event ids").toEqual([]);
      const page = documents.get(join(distDir, "articles", article.slug, "index.html"));
      expect(page, `built page of ${article.slug}`).toBeDefined();
      const missing = article.charts.filter((c) => !page?.querySelector(`figure.chart[id="graphique-${c.id}"] svg`)).map((c) => c.id);
      expect(missing, "charts not drawn on the built article page").toEqual([]);
    });
  }
});
