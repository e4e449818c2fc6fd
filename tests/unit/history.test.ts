import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetHistory, diffCsv, historyUnavailable } from "../../src/lib/history.ts";

/** A scratch repository whose commits are scripted: each version of the CSV is one commit with a known message and date. */
function gitIn(dir: string, args: string[], date = "2025-01-01T12:00:00+01:00") {
  return execFileSync("git", args, {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: "Test", GIT_AUTHOR_EMAIL: "t@example.org", GIT_COMMITTER_NAME: "Test", GIT_COMMITTER_EMAIL: "t@example.org", GIT_CONFIG_NOSYSTEM: "1", HOME: dir }
  });
}

const KEY = ["annee", "code"];
let repo: string;
let bare: string;

function commit(text: string, message: string, date: string, path = "data/x.csv") {
  writeFileSync(join(repo, path), text);
  gitIn(repo, ["add", "--", path], date);
  gitIn(repo, ["commit", "-q", "-m", message, "--", path], date);
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "so-history-"));
  bare = mkdtempSync(join(tmpdir(), "so-nogit-"));
  gitIn(repo, ["init", "-q", "-b", "main"]);
  mkdirSync(join(repo, "data"));
  commit("annee,code,valeur,source\n2020,01,10,s1\n2020,02,20,s1\n", "Première version", "2025-01-10T09:00:00+01:00");
  commit("annee,code,valeur,source\n2020,01,11,s1\n2020,02,20,s2\n2021,01,12,s1\n", "Chiffre 2020 corrigé, ajout de 2021", "2025-02-03T10:00:00+01:00");
  // An unrelated commit must not appear in the file's history.
  writeFileSync(join(repo, "autre.txt"), "x");
  gitIn(repo, ["add", "autre.txt"], "2025-02-04T10:00:00+01:00");
  gitIn(repo, ["commit", "-q", "-m", "Sans rapport"], "2025-02-04T10:00:00+01:00");
  commit("annee,code,valeur,source\n2020,01,11,s1\n2021,01,,s1\n", "Ligne 02 retirée ; 2021 non trouvé", "2025-03-05T11:00:00+01:00");
  // Renamed: --follow keeps the older commits.
  gitIn(repo, ["mv", "data/x.csv", "data/y.csv"], "2025-04-01T08:00:00+02:00");
  gitIn(repo, ["commit", "-q", "-m", "Renommé"], "2025-04-01T08:00:00+02:00");
});

afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(bare, { recursive: true, force: true });
});

describe("dataset history from git", () => {
  it("lists the commits touching the CSV, oldest first, with rows added, removed and values changed by key", () => {
    const history = datasetHistory(repo, "data/y.csv", { key: KEY });
    expect(history.available).toBe(true);
    if (!history.available) return;
    expect(history.changes.map((c) => [c.message, c.date, c.path])).toEqual([
      ["Première version", "2025-01-10T09:00:00+01:00", "data/x.csv"],
      ["Chiffre 2020 corrigé, ajout de 2021", "2025-02-03T10:00:00+01:00", "data/x.csv"],
      ["Ligne 02 retirée ; 2021 non trouvé", "2025-03-05T11:00:00+01:00", "data/x.csv"],
      ["Renommé", "2025-04-01T08:00:00+02:00", "data/y.csv"]
    ]);
    const [first, second, third, renamed] = history.changes;
    expect(first).toMatchObject({ created: true, added: 2, removed: 0, changedRows: 0, addedKeys: ["annee=2020, code=01", "annee=2020, code=02"], columnsAdded: ["annee", "code", "valeur", "source"] });
    expect(second).toMatchObject({ created: false, added: 1, removed: 0, changedRows: 2, changedCells: 2, addedKeys: ["annee=2021, code=01"], removedKeys: [], columnsAdded: [] });
    expect(second!.rows).toEqual([
      { key: "annee=2020, code=01", cells: [{ column: "valeur", from: "10", to: "11" }] },
      { key: "annee=2020, code=02", cells: [{ column: "source", from: "s1", to: "s2" }] }
    ]);
    expect(third).toMatchObject({ added: 0, removed: 1, removedKeys: ["annee=2020, code=02"], changedRows: 1 });
    expect(third!.rows).toEqual([{ key: "annee=2021, code=01", cells: [{ column: "valeur", from: "12", to: "" }] }]);
    expect(renamed).toMatchObject({ added: 0, removed: 0, changedRows: 0, changedCells: 0 });
  });

  it("caps the value-level details per commit but keeps the complete counts", () => {
    const before = "annee,code,valeur\n" + Array.from({ length: 50 }, (_, i) => `2020,${i},${i}`).join("\n") + "\n";
    const after = "annee,code,valeur\n" + Array.from({ length: 50 }, (_, i) => `2020,${i},${i + 1}`).join("\n") + "\n2021,0,1\n2021,1,1\n2021,2,1\n";
    const diff = diffCsv(before, after, KEY, 5);
    expect(diff).toMatchObject({ changedRows: 50, changedCells: 50, added: 3 });
    expect(diff.rows).toHaveLength(5);
    expect(diff.addedKeys).toEqual(["annee=2021, code=0", "annee=2021, code=1", "annee=2021, code=2"]);
  });

  it("reports no history, without throwing, outside a git repository or without git", () => {
    writeFileSync(join(bare, "x.csv"), "annee,code\n2020,01\n");
    expect(historyUnavailable(bare)).toBe("pas de dépôt git");
    expect(datasetHistory(bare, "x.csv", { key: KEY })).toEqual({ available: false, reason: "pas de dépôt git" });
    expect(datasetHistory(repo, "data/y.csv", { key: KEY, git: join(bare, "no-such-git") })).toEqual({ available: false, reason: "git absent" });
  });

  it("reports no history in a shallow clone", () => {
    const clone = mkdtempSync(join(tmpdir(), "so-shallow-"));
    try {
      gitIn(clone, ["clone", "-q", "--depth", "1", `file://${repo}`, "c"]);
      expect(datasetHistory(join(clone, "c"), "data/y.csv", { key: KEY })).toEqual({ available: false, reason: "clone superficiel (historique tronqué)" });
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });
});
