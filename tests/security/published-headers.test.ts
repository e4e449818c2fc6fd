import { existsSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FRAMABLE_SECTIONS, headersForPath, MAX_HEADER_LINE, parseHeadersFile, portabilityProblems, sectionOf, siteFiles } from "../../src/lib/headers.ts";
import { cspHash, inlineSources } from "../../src/lib/inline-sources.ts";
import { htmlPages, pageFile } from "../browser/lib.ts";
import { builtSite } from "../setup/site.ts";

/**
 * The headers of the real build: dist/_headers as the hosts will read it, and the project's server
 * sending exactly those (every browser test relies on it). Every page's inline scripts, styles and style
 * attributes must be allowed by the policy it is served with — else a reader's browser refuses them.
 */
const { distDir, siteUrl } = builtSite();
const rules = parseHeadersFile(readFileSync(join(distDir, "_headers"), "utf8"));
const pages = htmlPages(distDir);
const servedPaths = siteFiles(distDir).flatMap((f) => (f.endsWith("/index.html") ? [f, f.slice(0, -"index.html".length)] : [f]));

function head(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((ok, fail) => {
    const req = request(siteUrl + path, { method: "GET", headers }, (res) => {
      res.resume();
      res.on("end", () => ok({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on("error", fail);
    req.end();
  });
}

/** A directive of a policy, as its list of sources. */
function directive(csp: string, name: string): string[] {
  const found = csp.split(";").map((d) => d.trim().split(/\s+/)).find((d) => d[0] === name);
  return found ? found.slice(1) : [];
}

describe("dist/_headers", () => {
  it("exists, and Netlify and Cloudflare Pages read it alike (no header twice for a path, within Cloudflare's limits)", () => {
    expect(existsSync(join(distDir, "_headers"))).toBe(true);
    expect(rules.length).toBeGreaterThan(5);
    expect(portabilityProblems(rules, servedPaths)).toEqual([]);
  });

  it("gives every page a policy without 'unsafe-inline' or eval, nosniff, the referrer policy and the permissions policy", () => {
    for (const p of pages) {
      const h = headersForPath(rules, p);
      const csp = h["Content-Security-Policy"] ?? "";
      expect(directive(csp, "default-src"), p).toEqual(["'self'"]);
      expect(csp, p).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
      expect(directive(csp, "script-src").filter((s) => !/^('self'|'wasm-unsafe-eval'|'sha256-[A-Za-z0-9+/]+=*')$/.test(s)), p).toEqual([]);
      expect(directive(csp, "object-src"), p).toEqual(["'none'"]);
      expect(h["X-Content-Type-Options"], p).toBe("nosniff");
      expect(h["Referrer-Policy"], p).toBe("strict-origin-when-cross-origin");
      expect(h["Permissions-Policy"], p).toContain("geolocation=()");
      expect(`Content-Security-Policy: ${csp}`.length, p).toBeLessThanOrEqual(MAX_HEADER_LINE);
    }
  });

  it("lets any site frame the embeds and no site frame anything else", () => {
    const embeds = pages.filter((p) => FRAMABLE_SECTIONS.includes(sectionOf(p)));
    expect(embeds.length).toBeGreaterThan(0);
    for (const p of pages) {
      const h = headersForPath(rules, p);
      const framable = embeds.includes(p);
      expect(directive(h["Content-Security-Policy"]!, "frame-ancestors"), p).toEqual([framable ? "*" : "'none'"]);
      expect(h["X-Frame-Options"], p).toBe(framable ? undefined : "DENY");
    }
  });

  it("allows, by hash, every inline script, style and style attribute of every page — and only on its own section", () => {
    const missing: string[] = [];
    for (const p of pages) {
      const csp = headersForPath(rules, p)["Content-Security-Policy"]!;
      const found = inlineSources(readFileSync(pageFile(distDir, p), "utf8"));
      for (const s of found.scripts) if (!directive(csp, "script-src").includes(cspHash(s))) missing.push(`${p}: script ${s.slice(0, 60)}`);
      for (const s of [...found.styles, ...found.styleAttributes]) if (!directive(csp, "style-src").includes(cspHash(s))) missing.push(`${p}: style ${s.slice(0, 60)}`);
    }
    expect(missing).toEqual([]);
    // A script of the search page is not allowed on an article: policies are per section, not one list for all.
    // (Scripts every page carries, such as the header's menu, are the article's own too: set them aside.)
    const article = pages.find((p) => /^\/articles\/[^/]+\/$/.test(p))!;
    const shared = new Set(inlineSources(readFileSync(pageFile(distDir, article), "utf8")).scripts.map(cspHash));
    const search = inlineSources(readFileSync(pageFile(distDir, "/recherche/"), "utf8")).scripts.map(cspHash).filter((h) => !shared.has(h));
    expect(search.length).toBeGreaterThan(0);
    expect(search.filter((h) => directive(headersForPath(rules, article)["Content-Security-Policy"]!, "script-src").includes(h))).toEqual([]);
  });

  it("caches hashed files for a year and pages, data and downloads for minutes", () => {
    const hashed = servedPaths.filter((p) => /^\/pagefind\/(fragment|index)\//.test(p));
    expect(hashed.length).toBeGreaterThan(0);
    for (const p of hashed) expect(headersForPath(rules, p)["Cache-Control"], p).toBe("public, max-age=31536000, immutable");
    for (const p of servedPaths.filter((p) => /\.(html|json|csv)$|\/$/.test(p) && !hashed.includes(p)))
      expect(headersForPath(rules, p)["Cache-Control"], p).toBe("public, max-age=300, must-revalidate");
  });
});

describe("npm run serve sends what dist/_headers says", () => {
  const samples = [...new Set(rules.map((r) => r.path.replace(/\*$/, "")))].map((prefix) => servedPaths.find((p) => p.startsWith(prefix))).filter((p): p is string => p !== undefined);

  it("for one path of each rule: same policy, framing, nosniff, referrer, cache", async () => {
    expect(samples.length).toBeGreaterThan(5);
    for (const p of samples) {
      const answer = await head(p);
      expect(answer.status, p).toBe(200);
      const expected = headersForPath(rules, p);
      for (const [name, value] of Object.entries(expected)) expect(answer.headers[name.toLowerCase()], `${p} ${name}`).toBe(value);
      if (!("X-Frame-Options" in expected)) expect(answer.headers["x-frame-options"], p).toBeUndefined();
    }
  });

  it("compresses pages (brotli) and answers 304 to a browser holding the current copy", async () => {
    const article = pages.find((p) => /^\/articles\/[^/]+\/$/.test(p))!;
    const first = await head(article, { "accept-encoding": "gzip, deflate, br" });
    expect(first.headers["content-encoding"]).toBe("br");
    expect(first.headers["etag"]).toBeDefined();
    const again = await head(article, { "accept-encoding": "gzip, deflate, br", "if-none-match": String(first.headers["etag"]) });
    expect(again.status).toBe(304);
  });
});
