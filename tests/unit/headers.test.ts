import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  CACHE_HASHED,
  CACHE_SHORT,
  COMMON_HEADERS,
  contentSecurityPolicy,
  emptyHashes,
  headerRules,
  headersFileText,
  headersForPath,
  isHashedAsset,
  MAX_HEADER_LINE,
  parseHeadersFile,
  patternMatches,
  portabilityProblems,
  siteFiles,
  type HeaderRule
} from "../../src/lib/headers.ts";
import { cspHash, inlineSources } from "../../src/lib/inline-sources.ts";

/** The headers module on small sites written here: what each rule says, and that hosts read it alike. */

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "so-headers-"));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    const file = join(dir, ...path.split("/").filter(Boolean));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

const page = (body: string) => `<!doctype html><html lang="fr"><head><title>t</title></head><body>${body}</body></html>`;

/** Every path a reader may request of a site: its files, and the directory URL of each index. */
function servedPaths(dir: string, base = "/"): string[] {
  return siteFiles(dir).flatMap((f) => {
    const served = base === "/" ? f : `${base}${f.slice(1)}`;
    return f.endsWith("/index.html") ? [served, served.slice(0, -"index.html".length)] : [served];
  });
}

const rule = (rules: HeaderRule[], path: string) => rules.find((r) => r.path === path);

describe("inline scripts and styles of a page", () => {
  it("finds inline scripts (not external ones, not data blocks), <style> elements and style attributes", () => {
    const found = inlineSources(
      page(`<script>alert(1)</script><script src="/x.js"></script><script type="application/ld+json">{"a":1}</script>
        <script type="module">import("/y.js")</script><style>p{color:red}</style><svg><style>.a{fill:blue}</style></svg>
        <p style="color:red">x</p><p style="font-family:&quot;a&quot;">y</p>`)
    );
    expect(found.scripts).toEqual(["alert(1)", 'import("/y.js")']);
    expect(found.styles).toEqual(["p{color:red}", ".a{fill:blue}"]);
    // Attribute values as the browser hashes them: entities decoded.
    expect(found.styleAttributes).toEqual(["color:red", 'font-family:"a"']);
  });

  it("hashes as the CSP specification does: SHA-256 of the UTF-8 text, base64", () => {
    // Values computed independently with `printf … | openssl dgst -sha256 -binary | base64`.
    expect(cspHash("alert(1)")).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
    expect(cspHash("color:red")).toBe("'sha256-8f935d27GvUutRyY9yWScUMiFUk4WTdZURISiYfPOeQ='");
  });
});

describe("the Content-Security-Policy", () => {
  const hashes = emptyHashes();
  hashes.scripts.add("'sha256-s'");
  hashes.styles.add("'sha256-t'");

  it("allows scripts and styles from the site or by hash, never 'unsafe-inline' nor eval", () => {
    const csp = contentSecurityPolicy(hashes, { framable: false, wasm: false });
    expect(csp).toBe(
      "default-src 'self'; script-src 'self' 'sha256-s'; style-src 'self' 'sha256-t'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    );
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it("lets style attributes through by hash only with 'unsafe-hashes', and WebAssembly only where asked", () => {
    const withAttributes = emptyHashes();
    withAttributes.styleAttributes.add("'sha256-a'");
    const csp = contentSecurityPolicy(withAttributes, { framable: true, wasm: true });
    expect(csp).toContain("style-src 'self' 'unsafe-hashes' 'sha256-a'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("frame-ancestors *");
  });
});

describe("the rules of a built site", () => {
  const dir = site({
    "index.html": page("<script>home()</script>"),
    "404.html": page("<style>.x{}</style>"),
    "articles/index.html": page("<p>liste</p>"),
    "articles/a/index.html": page("<script>a()</script>"),
    "articles/b/index.html": page('<p style="color:red">b</p>'),
    "embed/x/index.html": page("<script>resize()</script>"),
    "recherche/index.html": page("<script>search()</script>"),
    "_astro/app.1a2b3c.css": "p{}",
    "pagefind/pagefind.js": "export{}",
    "pagefind/pagefind.fr_1a2b3c4d5e.pf_meta": "x",
    "pagefind/fragment/fr_1a2b3c.pf_fragment": "x",
    "rss.xml": "<rss/>",
    _headers: "ignored: the file is written, never read as part of the site"
  });
  const rules = headerRules(dir, "/");

  it("sends the common headers with every path, and nothing else from that rule", () => {
    expect(rules[0]).toEqual({ path: "/*", headers: COMMON_HEADERS });
    expect(COMMON_HEADERS).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin" });
    expect(COMMON_HEADERS["Permissions-Policy"]).toMatch(/(^|, )camera=\(\)(, |$)/);
    expect(COMMON_HEADERS["Permissions-Policy"]).not.toContain("clipboard-write");
  });

  it("gives a folder one rule listing the hashes of its pages and of the 404 page", () => {
    const articles = rule(rules, "/articles/*")!;
    expect(articles).toBeDefined();
    const csp = articles.headers["Content-Security-Policy"]!;
    expect(csp).toContain(cspHash("a()"));
    expect(csp).toContain(cspHash(".x{}"));
    expect(csp).toContain(`'unsafe-hashes' `);
    expect(csp).toContain(cspHash("color:red"));
    expect(csp).not.toContain(cspHash("home()"));
    expect(articles.headers).toMatchObject({ "X-Frame-Options": "DENY", "Cache-Control": CACHE_SHORT });
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("gives the home page its own rule, under both its URLs", () => {
    expect(rule(rules, "/")!.headers).toEqual(rule(rules, "/index.html")!.headers);
    expect(rule(rules, "/")!.headers["Content-Security-Policy"]).toContain(cspHash("home()"));
  });

  it("lets any site frame the embeds, and sends them no X-Frame-Options", () => {
    const embed = rule(rules, "/embed/*")!;
    expect(embed.headers["Content-Security-Policy"]).toContain("frame-ancestors *");
    expect(embed.headers["X-Frame-Options"]).toBeUndefined();
  });

  it("allows WebAssembly on the search page and pagefind's files only", () => {
    expect(rule(rules, "/recherche/*")!.headers["Content-Security-Policy"]).toContain("'wasm-unsafe-eval'");
    expect(rule(rules, "/pagefind/pagefind.js")!.headers["Content-Security-Policy"]).toContain("'wasm-unsafe-eval'");
    expect(rule(rules, "/articles/*")!.headers["Content-Security-Policy"]).not.toContain("wasm");
  });

  it("caches hashed files for a year, everything else briefly, splitting a folder that mixes both", () => {
    expect(rule(rules, "/_astro/*")!.headers["Cache-Control"]).toBe(CACHE_HASHED);
    expect(rule(rules, "/pagefind/*")).toBeUndefined();
    expect(rule(rules, "/pagefind/fragment/*")!.headers["Cache-Control"]).toBe(CACHE_HASHED);
    expect(rule(rules, "/pagefind/pagefind.fr_1a2b3c4d5e.pf_meta")!.headers["Cache-Control"]).toBe(CACHE_HASHED);
    expect(rule(rules, "/pagefind/pagefind.js")!.headers["Cache-Control"]).toBe(CACHE_SHORT);
    expect(rule(rules, "/rss.xml")!.headers["Cache-Control"]).toBe(CACHE_SHORT);
    expect(isHashedAsset("/pagefind/pagefind-entry.json")).toBe(false);
  });

  it("never lists _headers itself, and means the same on Netlify and Cloudflare Pages (no header set twice for a path)", () => {
    expect(rules.some((r) => r.path.includes("_headers"))).toBe(false);
    expect(portabilityProblems(rules, servedPaths(dir))).toEqual([]);
  });

  it("puts every rule under the base path of a site published under one", () => {
    const based = headerRules(dir, "/sous-objectif/");
    expect(based.every((r) => r.path.startsWith("/sous-objectif/"))).toBe(true);
    expect(rule(based, "/sous-objectif/")).toBeDefined();
    expect(rule(based, "/sous-objectif/articles/*")!.headers).toEqual(rule(rules, "/articles/*")!.headers);
    expect(portabilityProblems(based, servedPaths(dir, "/sous-objectif/"))).toEqual([]);
  });

  it("splits a folder whose policy would not fit in one header line into its subfolders", () => {
    const many: Record<string, string> = { "404.html": page("") };
    for (let i = 0; i < 60; i++) many[`embed/c${i}/index.html`] = page(`<script>draw(${i})</script>`);
    const big = site(many);
    const split = headerRules(big, "/");
    expect(rule(split, "/embed/*")).toBeUndefined();
    expect(rule(split, "/embed/c7/*")!.headers["Content-Security-Policy"]).toContain(cspHash("draw(7)"));
    expect(rule(split, "/embed/c7/*")!.headers["Content-Security-Policy"]).not.toContain(cspHash("draw(8)"));
    expect(portabilityProblems(split, servedPaths(big))).toEqual([]);
    expect(Math.max(...split.flatMap((r) => Object.entries(r.headers).map(([n, v]) => `${n}: ${v}`.length)))).toBeLessThanOrEqual(MAX_HEADER_LINE);
  });
});

describe("the _headers file", () => {
  const rules: HeaderRule[] = [
    { path: "/*", headers: { "X-Content-Type-Options": "nosniff" } },
    { path: "/embed/*", headers: { "Content-Security-Policy": "frame-ancestors *" } },
    { path: "/", headers: { "Cache-Control": CACHE_SHORT } }
  ];

  it("reads back what it writes", () => {
    expect(parseHeadersFile(headersFileText(rules))).toEqual(rules);
  });

  it("names the line of a malformed header", () => {
    expect(() => parseHeadersFile("/*\n  X-Frame-Options DENY\n")).toThrow(/_headers:2 : attendu « Nom: valeur »/);
    expect(() => parseHeadersFile("  X-Frame-Options: DENY\n")).toThrow(/_headers:1/);
  });

  it("matches paths as the hosts do: * anything (even nothing), :name one segment, otherwise exactly", () => {
    expect(patternMatches("/embed/*", "/embed/")).toBe(true);
    expect(patternMatches("/embed/*", "/embed/x/oembed.json")).toBe(true);
    expect(patternMatches("/embed/*", "/embedded/")).toBe(false);
    expect(patternMatches("/", "/")).toBe(true);
    expect(patternMatches("/", "/articles/")).toBe(false);
    expect(patternMatches("/a.b", "/axb")).toBe(false);
    expect(patternMatches("/embed/:id/", "/embed/x/")).toBe(true);
    expect(patternMatches("/embed/:id/", "/embed/x/y/")).toBe(false);
  });

  it("gives a path the headers of every rule it matches", () => {
    expect(headersForPath(rules, "/embed/x/")).toEqual({ "X-Content-Type-Options": "nosniff", "Content-Security-Policy": "frame-ancestors *" });
    expect(headersForPath(rules, "/")).toEqual({ "X-Content-Type-Options": "nosniff", "Cache-Control": CACHE_SHORT });
  });

  it("reports what Netlify and Cloudflare Pages would read differently, and Cloudflare's limits", () => {
    const overlapping: HeaderRule[] = [
      { path: "/*", headers: { "Cache-Control": CACHE_SHORT } },
      { path: "/_astro/*", headers: { "cache-control": CACHE_HASHED } }
    ];
    expect(portabilityProblems(overlapping, ["/_astro/a.css", "/x/"])).toEqual(["/_astro/a.css: cache-control set by /* and by /_astro/*"]);
    const long: HeaderRule[] = [{ path: "/*", headers: { "Content-Security-Policy": "x".repeat(MAX_HEADER_LINE) } }];
    expect(portabilityProblems(long, [])).toEqual([`/* Content-Security-Policy: ${MAX_HEADER_LINE + 25} characters, Cloudflare Pages reads at most ${MAX_HEADER_LINE}`]);
    const many = Array.from({ length: 101 }, (_, i) => ({ path: `/p${i}`, headers: {} }));
    expect(portabilityProblems(many, [])).toEqual(["101 rules: Cloudflare Pages reads at most 100"]);
  });
});
