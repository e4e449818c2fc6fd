import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildSite, productionSteps, swapInto, type BuildSteps } from "../../scripts/build.ts";
import type { Site } from "../../src/site/site.ts";

/**
 * « En cas d'erreur, l'ancien dist/ reste intact »: at every failure point of scripts/build.ts, a dist/
 * already online stays byte for byte as it was, and no staging folder is left behind. Each point is
 * made to fail by a stand-in step (the production steps are untouched), after writing what a real
 * half-run would have written.
 */

/** Every entry under a folder: path, and the bytes of each file. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = relative(dir, join(entry.parentPath, entry.name));
    out[path] = entry.isDirectory() ? "<dir>" : readFileSync(join(dir, path)).toString("base64");
  }
  return out;
}

const okSite = { problems: [] } as unknown as Site;
const writeStaging = (staging: string, page = "<p>nouveau</p>") => {
  mkdirSync(join(staging, "articles"), { recursive: true });
  writeFileSync(join(staging, "index.html"), page);
  writeFileSync(join(staging, "articles", "index.html"), page);
};
const steps = (over: Partial<BuildSteps>): BuildSteps => ({
  check: () => okSite,
  astro: (_root, staging) => (writeStaging(staging), 0),
  postBuild: () => {},
  ...over
});

let root: string;
let dist: string;
let before: Record<string, string>;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "so-build-safety-"));
  dist = join(root, "dist");
  mkdirSync(join(dist, "graphiques", "x"), { recursive: true });
  writeFileSync(join(dist, "index.html"), "<p>ancien</p>");
  writeFileSync(join(dist, "graphiques", "x", "index.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255]));
  before = tree(dist);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function expectUntouched(): void {
  expect(tree(dist)).toEqual(before);
  expect(existsSync(`${dist}.previous`), "no dist.previous left").toBe(false);
  expect(readdirSync(join(root, ".build")), "no staging folder left").toEqual([]);
}

describe("buildSite(root, outDir, steps): dist/ survives every failure point", () => {
  it("the data check reports a problem: astro never runs", () => {
    let ran = false;
    const check = () => ({ problems: [{ file: "data/x.csv", line: 2, column: 1, message: "bad" }] }) as unknown as Site;
    expect(() => buildSite(root, "dist", steps({ check, astro: () => ((ran = true), 0) }))).toThrow(/data\/x\.csv:2:1 bad[\s\S]*dist\/ inchangé/);
    expect(ran).toBe(false);
    expect(tree(dist)).toEqual(before);
  });

  it("astro build exits non-zero after writing half a site", () => {
    const astro = (_r: string, staging: string) => (writeStaging(staging), 1);
    expect(() => buildSite(root, "dist", steps({ astro }))).toThrow(/astro build a échoué \(code 1\) : dist\/ inchangé/);
    expectUntouched();
  });

  it("astro build never ran or was killed (no exit status)", () => {
    expect(() => buildSite(root, "dist", steps({ astro: () => null }))).toThrow(/astro build a échoué \(code null\)/);
    expectUntouched();
  });

  it("astro's step throws", () => {
    const astro = (_r: string, staging: string): number => {
      writeStaging(staging);
      throw new Error("spawn EACCES");
    };
    expect(() => buildSite(root, "dist", steps({ astro }))).toThrow(/spawn EACCES/);
    expectUntouched();
  });

  it("a post-build step fails after writing into the staging folder", () => {
    const postBuild = (_r: string, _s: Site, staging: string) => {
      writeFileSync(join(staging, "index.png"), "à moitié");
      throw new Error("pagefind a échoué (code 1)");
    };
    expect(() => buildSite(root, "dist", steps({ postBuild }))).toThrow(/pagefind a échoué[\s\S]*étapes après astro build en échec : dist\/ inchangé/);
    expectUntouched();
  });

  it("the swap fails (the staging folder cannot be moved in)", () => {
    expect(() => buildSite(root, "dist", steps({ astro: () => 0 }))).toThrow(/remplacement de dist\/ en échec : dist\/ inchangé/);
    expectUntouched();
  });

  it("and when every step succeeds, dist/ is replaced whole (the checks above can fail)", () => {
    buildSite(root, "dist", steps({}));
    expect(tree(dist)).toEqual({ "index.html": Buffer.from("<p>nouveau</p>").toString("base64"), articles: "<dir>", "articles/index.html": Buffer.from("<p>nouveau</p>").toString("base64") });
    expect(readdirSync(join(root, ".build"))).toEqual([]);
  });
});

describe("the production astro step", () => {
  it("reports a non-zero status when astro cannot run (no node_modules in the root)", () => {
    expect(productionSteps.astro(root, join(root, "staging"), join(root, "cache"))).not.toBe(0);
    expect(existsSync(join(root, "staging"))).toBe(false);
  });
});

describe("swapInto(staging, target)", () => {
  it("puts the previous folder back when the staging folder is missing", () => {
    expect(() => swapInto(join(root, "absent"), dist)).toThrow(/ENOENT/);
    expect(tree(dist)).toEqual(before);
  });
});
