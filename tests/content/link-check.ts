import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { parseHTML } from "linkedom";
import { withBase, withoutBase } from "../../src/lib/routes.ts";

/**
 * The link checker, read from a built site (what a reader clicks): every href/src/srcset and og: URL
 * of every page, and every <loc> of the sitemaps, must resolve to a file of the build, every #anchor to
 * an element. Paths are resolved as the site is served — under its base path, read from the home page's
 * canonical URL — so a site built for /sous-objectif/ whose links forget the base fails here.
 */
export interface LinkChecker {
  /** The site's public origin (from the home page's canonical link): absolute links to it are internal. */
  siteOrigin: string;
  /** The base path the site is served under ("/" or "/sous-objectif/"). */
  base: string;
  /** Every built HTML file, sorted. */
  htmlFiles: string[];
  /** The URL path a built file is served at (base included). */
  urlPath(file: string): string;
  /** The references of a page that do not resolve, as readable lines. */
  brokenReferences(file: string): string[];
  /** The sitemap <loc>s that do not resolve. */
  brokenSitemapLocs(): string[];
  /** The parsed document of a built HTML file. */
  document(file: string): Document | undefined;
}

export function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => join(e.parentPath, e.name));
}

const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "poster", "xlink:href"];

export function linkChecker(distDir: string): LinkChecker {
  const htmlFiles = files(distDir, ".html").sort();
  const documents = new Map(htmlFiles.map((f) => [f, parseHTML(readFileSync(f, "utf8")).document]));
  const home = documents.get(join(distDir, "index.html"));
  const canonical = new URL(home?.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? "https://invalid.invalid/");
  const siteOrigin = canonical.origin;
  const base = canonical.pathname.endsWith("/") ? canonical.pathname : `${canonical.pathname}/`;

  const urlPath = (file: string) => {
    const rel = withBase("/" + relative(distDir, file).split(sep).join("/"), base);
    return rel.endsWith("/index.html") ? rel.slice(0, -"index.html".length) : rel;
  };

  /** The built file a URL path is served from (as scripts/static-server.ts does), or undefined. */
  const target = (pathname: string): string | undefined => {
    const own = withoutBase(pathname, base);
    if (own === undefined) return undefined;
    let path: string;
    try {
      path = join(distDir, decodeURIComponent(own));
    } catch {
      return undefined;
    }
    if (!path.startsWith(distDir)) return undefined;
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, "index.html");
    return existsSync(path) && statSync(path).isFile() ? path : undefined;
  };

  const idsCache = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let ids = idsCache.get(file);
    if (!ids) {
      const doc = documents.get(file) ?? parseHTML(readFileSync(file, "utf8")).document;
      ids = new Set([...doc.querySelectorAll("[id], a[name]")].map((e) => e.getAttribute("id") ?? e.getAttribute("name") ?? ""));
      idsCache.set(file, ids);
    }
    return ids;
  };

  /** Every URL a page points to: link targets, resources, srcset candidates, og:/twitter: meta URLs. */
  const references = (doc: Document): { where: string; url: string }[] => {
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
  };

  /** Why a reference does not resolve, or undefined when it does. */
  const broken = (from: string, url: string): string | undefined => {
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
    if (withoutBase(resolved.pathname, base) === undefined) return `outside the base path ${base}`;
    const file = target(resolved.pathname);
    if (!file) return "no such page or file in dist/";
    const anchor = decodeURIComponent(resolved.hash.slice(1));
    if (anchor && anchor !== "top" && extname(file) === ".html" && !idsOf(file).has(anchor)) return `no element with id "${anchor}" on ${urlPath(file)}`;
    return undefined;
  };

  return {
    siteOrigin,
    base,
    htmlFiles,
    urlPath,
    document: (file) => documents.get(file),
    brokenReferences(file) {
      const bad = references(documents.get(file)!)
        .map((r) => ({ ...r, why: broken(file, r.url) }))
        .filter((r) => r.why)
        .map((r) => `${r.where} ${JSON.stringify(r.url)}: ${r.why}`);
      return [...new Set(bad)];
    },
    brokenSitemapLocs() {
      const bad: string[] = [];
      for (const file of files(distDir, ".xml"))
        for (const m of readFileSync(file, "utf8").matchAll(/<loc>([^<]*)<\/loc>/g)) {
          const url = new URL(m[1]!.replace(/&amp;/g, "&"));
          if (url.origin !== siteOrigin || !target(url.pathname)) bad.push(`${urlPath(file)}: ${url.href}`);
        }
      return bad;
    }
  };
}
