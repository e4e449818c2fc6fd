import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../src/lib/catalogue.ts";
import { DATA_CHANGES_FEED_SIZE } from "../src/lib/history-feed.ts";
import { builtSite } from "./setup/site.ts";

/**
 * « Historique » of the dataset pages and the data-changes feed, read in the site the global setup built
 * from this repository, against `git log` run here independently; and a build without git history.
 */
const ROOT = resolve(import.meta.dirname, "..");
const { distDir } = builtSite();
const page = (id: string) => parseHTML(readFileSync(join(distDir, "donnees", id, "index.html"), "utf8")).document;
const commitsOf = (id: string) =>
  execFileSync("git", ["log", "--follow", "--format=%H", "--", `data/${id}.csv`], { cwd: ROOT, encoding: "utf8" }).trim().split("\n").filter(Boolean);

describe("dataset history on the built site", () => {
  it("lists every commit of each dataset's CSV, newest first, on its page", () => {
    for (const id of loadCatalogue(ROOT).datasets.keys()) {
      const section = page(id).querySelector("section.historique")!;
      expect(section.querySelector("h2")!.textContent).toBe("Historique");
      const ids = [...section.querySelectorAll("ol.changes > li")].map((li) => li.id);
      expect(ids, id).toEqual(commitsOf(id).map((c) => `historique-${c.slice(0, 12)}`));
    }
  });

  it("shows the values a commit changed, old → new, with its message", () => {
    // a4af786 gave the PLFSS 2026 event its figure (15 jours), empty before.
    const li = page("evenements").querySelector('[id^="historique-a4af786"]')!;
    expect(li.querySelector("time")!.getAttribute("datetime")).toMatch(/^2026-12-06T/);
    expect(li.textContent).toContain("2 lignes ajoutées, 2 valeurs modifiées sur 1 ligne");
    expect(li.querySelector(".motif")!.textContent).toMatch(/^Motif : Dossiers brought up to the end of February 2026/);
    const cells = [...li.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("th, td")].map((c) => c.textContent));
    expect(cells).toEqual([
      ["id=2025-10-14-plfss-2026-presente, source=bfmtv-2025-10-15-arrets-limites-un-mois", "valeur", "(vide)", "15"],
      ["unite", "(vide)", "jours"]
    ]);
  });

  it("publishes an RSS feed of the changes, each item linking to its change on a dataset page", () => {
    const xml = readFileSync(join(distDir, "donnees", "historique.xml"), "utf8");
    const { document } = parseHTML(xml.replace(/^<\?xml[^>]*>/, ""));
    expect(document.querySelector("rss")!.getAttribute("version")).toBe("2.0");
    // linkedom reads <link> as HTML's empty element: the item links are read from the text.
    const links = [...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]!);
    expect(document.querySelectorAll("item")).toHaveLength(links.length);
    const total = [...loadCatalogue(ROOT).datasets.keys()].reduce((n, id) => n + commitsOf(id).length, 0);
    expect(links).toHaveLength(Math.min(total, DATA_CHANGES_FEED_SIZE));
    for (const link of links) {
      const [, id, anchor] = /\/donnees\/([^/]+)\/#(historique-[0-9a-f]{12})$/.exec(new URL(link).pathname + new URL(link).hash)!;
      expect(page(id!).getElementById(anchor!), link).not.toBeNull();
    }
    const dates = [...document.querySelectorAll("item pubDate")].map((d) => Date.parse(d.textContent!));
    expect(dates.every((d, i) => i === 0 || d <= dates[i - 1]!)).toBe(true);
  });
});

describe("a build without git history", () => {
  it("succeeds, and each dataset page says that its history is unavailable", () => {
    mkdirSync(resolve(ROOT, ".build"), { recursive: true });
    const work = mkdtempSync(resolve(ROOT, ".build", "nogit-"));
    try {
      const dist = join(work, "dist");
      // GIT_DIR pointing at an empty folder: git finds no repository, as in an archive without .git.
      const build = spawnSync(process.execPath, [join(ROOT, "scripts", "build.ts")], { cwd: ROOT, encoding: "utf8", env: { ...process.env, GIT_DIR: work, SO_DIST: dist } });
      expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
      const html = readFileSync(join(dist, "donnees", "evenements", "index.html"), "utf8");
      expect(html).toMatch(/Historique indisponible pour cette construction/);
      expect(html).not.toMatch(/class="changes"/);
      expect(existsSync(join(dist, "donnees", "historique.xml"))).toBe(true);
      expect(readFileSync(join(dist, "donnees", "historique.xml"), "utf8")).not.toMatch(/<item>/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 300_000);
});
