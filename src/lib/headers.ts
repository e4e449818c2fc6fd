/**
 * The HTTP headers the site is published with — content security policy, framing, caching — decided
 * here and nowhere else. The build writes them as dist/_headers (scripts/postbuild.ts), the file Netlify
 * and Cloudflare Pages read; `npm run serve` (scripts/static-server.ts) applies that same file, so every
 * browser test runs under the policy readers get.
 *
 * The policy:
 * - scripts only from the site itself, or inline when the build wrote them: each inline <script> is
 *   allowed by its SHA-256, computed from the built HTML. No 'unsafe-inline', no eval. The search page
 *   (and pagefind's own files, its worker among them) may compile WebAssembly: pagefind's index reader.
 * - styles the same way: the site's CSS is inlined by Astro (astro.config.mjs inlineStylesheets), so each
 *   <style> is allowed by hash. The charts carry a few style="" attributes (legends in src/charts/figure.ts,
 *   Plot's own markup); they are allowed by hash too, with 'unsafe-hashes', which lets only those exact
 *   attribute values through. No 'unsafe-inline' for styles either. (A browser without 'unsafe-hashes'
 *   ignores those attributes: the legend loses its flex layout, nothing more.)
 * - frames: the embeds (/embed/…) may be framed by any site, every other page by none
 *   (frame-ancestors, and X-Frame-Options for old browsers — never on embeds, where it would contradict).
 * - caching: files whose name changes with their content (/_astro/, pagefind's fragments and indexes)
 *   for a year, immutable; everything else (pages, JSON, CSV, images, embed.js) for five minutes, then
 *   revalidated, so a correction reaches readers quickly.
 *
 * Each rule of dist/_headers lists the hashes of the pages it covers only: a folder (/articles/*) those of
 * its pages and of the 404 page (shown for any unknown path in it). A folder whose policy would not fit
 * in one header line is split into its subfolders (headerRules).
 *
 * The rules of dist/_headers never set the same header twice for one path: Netlify keeps the last value,
 * Cloudflare Pages joins both with a comma; only disjoint rules mean the same thing to both. The price: an
 * unknown path outside every folder of the site (/nimporte/) gets the common headers and the 404 page, but
 * no policy of its own; that page holds only the site's own fixed text and links, no script.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { cspHash, inlineSources } from "./inline-sources.ts";
import { BASE_PATH, routes, withBase, withoutBase } from "./routes.ts";

export type HeaderSet = Record<string, string>;

/** Browser features the site never asks for. Left out on purpose: clipboard-write (the « Copier » buttons). */
export const DENIED_FEATURES = [
  "accelerometer",
  "autoplay",
  "browsing-topics",
  "camera",
  "display-capture",
  "encrypted-media",
  "fullscreen",
  "geolocation",
  "gyroscope",
  "hid",
  "idle-detection",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "picture-in-picture",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking"
];

/** Sent with every response of the site, the 404 of an unknown path included. */
export const COMMON_HEADERS: HeaderSet = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": DENIED_FEATURES.map((f) => `${f}=()`).join(", ")
};

export const CACHE_HASHED = "public, max-age=31536000, immutable";
export const CACHE_SHORT = "public, max-age=300, must-revalidate";

/** Sections whose pages may be framed by any site. */
export const FRAMABLE_SECTIONS = ["/embed/"];

/** Sections that run pagefind, which compiles WebAssembly: the search page, and pagefind's files (its worker). */
export function wasmSections(): string[] {
  return [sectionOf(withoutBase(routes.search()) ?? "/recherche/"), "/pagefind/"];
}

/** A file whose name changes when its content does: cached for good. Paths of the site, without base. */
export function isHashedAsset(sitePath: string): boolean {
  return (
    sitePath.startsWith("/_astro/") ||
    /^\/pagefind\/(fragment|index|filter)\//.test(sitePath) ||
    /^\/pagefind\/pagefind\.[^/]+_[0-9a-f]{6,}\.pf_meta$/.test(sitePath)
  );
}

/** The section of a path of the site: "/articles/" for anything under /articles/, "/" for files at the root. */
export function sectionOf(sitePath: string): string {
  const m = /^\/([^/]+)\//.exec(sitePath);
  return m ? `/${m[1]}/` : "/";
}

export interface InlineHashes {
  scripts: Set<string>;
  styles: Set<string>;
  styleAttributes: Set<string>;
}

export function emptyHashes(): InlineHashes {
  return { scripts: new Set(), styles: new Set(), styleAttributes: new Set() };
}

function addHashes(into: InlineHashes, html: string): void {
  const found = inlineSources(html);
  for (const s of found.scripts) into.scripts.add(cspHash(s));
  for (const s of found.styles) into.styles.add(cspHash(s));
  for (const s of found.styleAttributes) into.styleAttributes.add(cspHash(s));
}

/** The Content-Security-Policy of a section, from the hashes of what its pages run and style inline. */
export function contentSecurityPolicy(hashes: InlineHashes, options: { framable: boolean; wasm: boolean }): string {
  const sorted = (s: Set<string>) => [...s].sort();
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    ["script-src", ["'self'", ...(options.wasm ? ["'wasm-unsafe-eval'"] : []), ...sorted(hashes.scripts)]],
    ["style-src", ["'self'", ...(hashes.styleAttributes.size > 0 ? ["'unsafe-hashes'"] : []), ...sorted(new Set([...hashes.styles, ...hashes.styleAttributes]))]],
    // data: for the embeds' empty favicon (no request at all) and images drawn by the charts.
    ["img-src", ["'self'", "data:"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", [options.framable ? "*" : "'none'"]]
  ];
  return directives.map(([name, values]) => `${name} ${values.join(" ")}`).join("; ");
}

/** Headers of a file of the site (path without base), other than its Content-Security-Policy. */
export function fileHeaders(sitePath: string): HeaderSet {
  return {
    ...(FRAMABLE_SECTIONS.includes(sectionOf(sitePath)) ? {} : { "X-Frame-Options": "DENY" }),
    "Cache-Control": isHashedAsset(sitePath) ? CACHE_HASHED : CACHE_SHORT
  };
}

export interface HeaderRule {
  /** URL pattern as served (base included): "/articles/*", "/", "/rss.xml". */
  path: string;
  headers: HeaderSet;
}

/** Cloudflare Pages reads header lines of at most 2,000 characters, and at most 100 rules. */
export const MAX_HEADER_LINE = 2000;
export const MAX_RULES = 100;

/** Every file of a built site as paths of the site ("/articles/x/index.html"), _headers itself excepted. */
export function siteFiles(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => "/" + relative(outDir, join(e.parentPath, e.name)).split(sep).join("/"))
    .filter((p) => p !== "/_headers")
    .sort();
}

const same = (a: HeaderSet, b: HeaderSet) => JSON.stringify(a) === JSON.stringify(b);
const lineLength = (name: string, value: string) => `${name}: ${value}`.length;

/**
 * The rules of a built site: COMMON_HEADERS for every path, then a partition of its files. A folder is
 * one rule ("/articles/*") when its files share their headers and its policy (the hashes of every page
 * in it, and of the 404 page its unknown paths show) fits in one header line; otherwise its files get
 * a rule each and its subfolders are partitioned in turn. A folder's index also gets its directory URL.
 */
export function headerRules(outDir: string, base: string = BASE_PATH): HeaderRule[] {
  const files = siteFiles(outDir);
  const pageHashes = new Map<string, InlineHashes>();
  for (const f of files.filter((f) => f.endsWith(".html"))) {
    const h = emptyHashes();
    addHashes(h, readFileSync(join(outDir, ...f.split("/").filter(Boolean)), "utf8"));
    pageHashes.set(f, h);
  }
  const wasm = wasmSections();
  /** The policy covering some files (and the 404 page, for a folder's unknown paths). */
  const policy = (paths: string[], withNotFound: boolean): string => {
    const h = emptyHashes();
    for (const p of [...paths, ...(withNotFound ? ["/404.html"] : [])]) {
      const found = pageHashes.get(p);
      if (!found) continue;
      for (const key of ["scripts", "styles", "styleAttributes"] as const) for (const v of found[key]) h[key].add(v);
    }
    const section = sectionOf(paths[0]!);
    return contentSecurityPolicy(h, { framable: FRAMABLE_SECTIONS.includes(section), wasm: wasm.includes(section) });
  };
  const served = (p: string) => withBase(p, base);
  const rules: HeaderRule[] = [{ path: served("/*"), headers: COMMON_HEADERS }];
  const partition = (prefix: string, paths: string[]) => {
    const folders = new Map<string, string[]>();
    for (const p of paths) {
      const rest = p.slice(prefix.length);
      const slash = rest.indexOf("/");
      if (slash < 0) {
        const headers = { "Content-Security-Policy": policy([p], false), ...fileHeaders(p) };
        if (rest === "index.html") rules.push({ path: served(prefix), headers });
        rules.push({ path: served(p), headers });
      } else {
        const folder = `${prefix}${rest.slice(0, slash)}/`;
        folders.set(folder, [...(folders.get(folder) ?? []), p]);
      }
    }
    for (const [folder, inside] of folders) {
      const shared = fileHeaders(inside[0]!);
      const csp = policy(inside, true);
      if (inside.every((p) => same(fileHeaders(p), shared)) && lineLength("Content-Security-Policy", csp) <= MAX_HEADER_LINE)
        rules.push({ path: served(`${folder}*`), headers: { "Content-Security-Policy": csp, ...shared } });
      else partition(folder, inside);
    }
  };
  partition("/", files);
  return rules;
}

/** dist/_headers, in the syntax Netlify and Cloudflare Pages share. */
export function headersFileText(rules: HeaderRule[]): string {
  const blocks = rules.map((r) => [r.path, ...Object.entries(r.headers).map(([name, value]) => `  ${name}: ${value}`)].join("\n"));
  return `# Written by the build from src/lib/headers.ts (edit that module, not this file).\n# Read by Netlify and Cloudflare Pages, and applied by \`npm run serve\`.\n\n${blocks.join("\n\n")}\n`;
}

/** Reads a _headers file back (the server applies it); a malformed line is an error naming its number. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "" || line.trim().startsWith("#")) return;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} });
      return;
    }
    const m = /^\s+([A-Za-z0-9-]+)\s*:\s*(.*)$/.exec(line);
    const rule = rules.at(-1);
    if (!m || !rule) throw new Error(`_headers:${i + 1} : attendu « Nom: valeur » sous une adresse, trouvé ${JSON.stringify(line)}`);
    rule.headers[m[1]!] = m[2]!.trim();
  });
  return rules;
}

/** Whether a rule's URL pattern matches a path: "*" matches anything (even nothing), ":name" one segment. */
export function patternMatches(pattern: string, path: string): boolean {
  const source = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === "*" ? ".*" : part.startsWith(":") ? "[^/]+" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`).test(path);
}

/** The headers a host sends for a path: every matching rule, in order (a later value replaces an earlier one). */
export function headersForPath(rules: HeaderRule[], path: string): HeaderSet {
  const out: HeaderSet = {};
  for (const rule of rules) if (patternMatches(rule.path, path)) Object.assign(out, rule.headers);
  return out;
}

/**
 * What Netlify and Cloudflare Pages would read differently, and Cloudflare's documented limits:
 * a header set by two rules matching the same path, more than 100 rules, a header line over 2,000 characters.
 */
export function portabilityProblems(rules: HeaderRule[], paths: string[]): string[] {
  const problems: string[] = [];
  if (rules.length > MAX_RULES) problems.push(`${rules.length} rules: Cloudflare Pages reads at most ${MAX_RULES}`);
  for (const r of rules)
    for (const [name, value] of Object.entries(r.headers))
      if (lineLength(name, value) > MAX_HEADER_LINE) problems.push(`${r.path} ${name}: ${lineLength(name, value)} characters, Cloudflare Pages reads at most ${MAX_HEADER_LINE}`);
  for (const path of paths) {
    const setBy = new Map<string, string>();
    for (const r of rules.filter((rule) => patternMatches(rule.path, path)))
      for (const name of Object.keys(r.headers)) {
        const key = name.toLowerCase();
        if (setBy.has(key)) problems.push(`${path}: ${name} set by ${setBy.get(key)} and by ${r.path}`);
        else setBy.set(key, r.path);
      }
  }
  return problems;
}
