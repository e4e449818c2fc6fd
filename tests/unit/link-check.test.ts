import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { linkChecker } from "../content/link-check.ts";

/** The link checker must catch what a base path breaks: a link written from the root, outside the base. */
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "so-links-"));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    const file = join(dir, ...path.split("/").filter(Boolean));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

const page = (canonical: string, body: string) => `<!doctype html><html><head><link rel="canonical" href="${canonical}"></head><body>${body}</body></html>`;

describe("the link checker under a base path", () => {
  const dir = site({
    "index.html": page(
      "https://example.org/so/",
      `<a href="/so/articles/">bon</a> <a href="articles/#haut">relatif</a> <a href="/articles/">sans la base</a> <img src="/favicon.svg" alt=""> <a href="/so/absent/">absent</a>`
    ),
    "articles/index.html": page("https://example.org/so/articles/", `<h1 id="haut">Dossiers</h1>`),
    "favicon.svg": "<svg/>",
    "sitemap.xml": `<urlset><url><loc>https://example.org/so/articles/</loc></url><url><loc>https://example.org/articles/</loc></url></urlset>`
  });
  const check = linkChecker(dir);

  it("reads the base from the home page's canonical URL", () => {
    expect(check.base).toBe("/so/");
    expect(check.urlPath(join(dir, "articles", "index.html"))).toBe("/so/articles/");
  });

  it("reports links and assets that forget the base, and pages that do not exist", () => {
    expect(check.brokenReferences(join(dir, "index.html"))).toEqual([
      '<a href> "/articles/": outside the base path /so/',
      '<img src> "/favicon.svg": outside the base path /so/',
      '<a href> "/so/absent/": no such page or file in dist/'
    ]);
    expect(check.brokenSitemapLocs()).toEqual(["/so/sitemap.xml: https://example.org/articles/"]);
  });
});
