/**
 * The history of a dataset, read from the repository's commits at build time: which commits touched
 * data/<id>.csv and, for each, the rows added and removed and the values changed, matched by the
 * dataset's key columns. Readers see what was revised, when, and the commit message that says why.
 *
 * Git is run with explicit arguments (execFileSync, no shell): one `git log --follow` per file and one
 * `git show` per version. A build without history (git missing, an archive without .git, a shallow
 * clone whose first commit is not the file's real first version) gets `available: false`, and the
 * page says so instead of showing a history that would start at the clone's depth.
 */
import { execFileSync } from "node:child_process";
import { parseCsv } from "./csv.ts";

export interface CellChange {
  column: string;
  /** Cell text in the CSV before and after; "" is an empty cell (a missing value). */
  from: string;
  to: string;
}

export interface RowChange {
  /** The row's key as "col=value, col=value". */
  key: string;
  cells: CellChange[];
}

export interface DatasetChange {
  commit: string;
  /** Author date of the commit, ISO 8601 with offset. */
  date: string;
  /** The commit's subject line: the reason given for the change. */
  message: string;
  /** The CSV's path at that commit, relative to the repository root (it may have been renamed since). */
  path: string;
  /** True for the commit that created the file. */
  created: boolean;
  /** True when the commit deleted the file. */
  deleted: boolean;
  added: number;
  removed: number;
  /** Rows present before and after with at least one value changed. */
  changedRows: number;
  /** Total cells changed over those rows. */
  changedCells: number;
  columnsAdded: string[];
  columnsRemoved: string[];
  /** Keys of added and removed rows, and value changes, at most `limit` of each (the counts above are complete). */
  addedKeys: string[];
  removedKeys: string[];
  rows: RowChange[];
}

export type DatasetHistory = { available: true; changes: DatasetChange[] } | { available: false; reason: string };

export interface HistoryOptions {
  /** Key columns of the dataset (its card's `key:`), to match rows between versions. */
  key: string[];
  /** How many added/removed keys and changed rows to keep per commit: pages stay light. */
  limit?: number;
  /** The git executable (tests point it at a missing one). */
  git?: string;
}

export const DEFAULT_LIMIT = 20;

function run(git: string, root: string, args: string[]): string {
  return execFileSync(git, args, { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
}

/** Why this checkout has no usable history, or undefined when it has one. */
export function historyUnavailable(root: string, git = "git"): string | undefined {
  try {
    if (run(git, root, ["rev-parse", "--is-inside-work-tree"]).trim() !== "true") return "pas de dépôt git";
    if (run(git, root, ["rev-parse", "--is-shallow-repository"]).trim() === "true") return "clone superficiel (historique tronqué)";
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "git absent" : "pas de dépôt git";
  }
}

interface LogEntry {
  commit: string;
  date: string;
  message: string;
  path: string;
  status: string;
}

const FIELD = "\u001f";
const RECORD = "\u001e";

/** Commits that touched the file, oldest first, following renames. */
function logOf(git: string, root: string, csvPath: string): LogEntry[] {
  const out = run(git, root, ["log", "--follow", "--no-color", "--name-status", `--format=${RECORD}%H${FIELD}%aI${FIELD}%s`, "--", csvPath]);
  const entries: LogEntry[] = [];
  for (const block of out.split(RECORD).slice(1)) {
    const [head = "", ...rest] = block.split("\n");
    const [commit = "", date = "", message = ""] = head.split(FIELD);
    // --name-status line: "M\tpath", "A\tpath", "D\tpath" or "R100\told\tnew"; the last path is the file at that commit.
    const status = rest.find((l) => /^[A-Z]\d*\t/.test(l)) ?? "";
    const parts = status.split("\t");
    entries.push({ commit, date, message, path: parts.at(-1) || csvPath, status: parts[0]?.[0] ?? "M" });
  }
  return entries.reverse();
}

interface Table {
  header: string[];
  rows: Map<string, string[]>;
  order: string[];
}

function tableOf(text: string | undefined, key: string[]): Table {
  const records = text === undefined ? [] : parseCsv(text).filter((r) => !(r.fields.length === 1 && r.fields[0] === ""));
  const header = records[0]?.fields ?? [];
  const keyIndex = key.map((k) => header.indexOf(k));
  const whole = keyIndex.some((i) => i < 0);
  const rows = new Map<string, string[]>();
  const order: string[] = [];
  for (const r of records.slice(1)) {
    // A version whose header lacks a key column is matched on whole rows: changes then read as removed + added.
    const k = whole ? r.fields.join(",") : keyIndex.map((i, j) => `${key[j]}=${r.fields[i] ?? ""}`).join(", ");
    if (rows.has(k)) continue;
    rows.set(k, r.fields);
    order.push(k);
  }
  return { header, rows, order };
}

/** What changed between two versions of a CSV, rows matched by key. */
export function diffCsv(before: string | undefined, after: string | undefined, key: string[], limit = DEFAULT_LIMIT) {
  const a = tableOf(before, key);
  const b = tableOf(after, key);
  const columnsAdded = b.header.filter((c) => !a.header.includes(c));
  const columnsRemoved = a.header.filter((c) => !b.header.includes(c));
  const shared = b.header.filter((c) => a.header.includes(c));
  const addedKeys: string[] = [];
  const removedKeys: string[] = [];
  const rows: RowChange[] = [];
  let added = 0;
  let removed = 0;
  let changedRows = 0;
  let changedCells = 0;
  for (const k of b.order) {
    const old = a.rows.get(k);
    if (!old) {
      if (added++ < limit) addedKeys.push(k);
      continue;
    }
    const now = b.rows.get(k)!;
    const cells: CellChange[] = [];
    for (const column of shared) {
      const from = old[a.header.indexOf(column)] ?? "";
      const to = now[b.header.indexOf(column)] ?? "";
      if (from !== to) cells.push({ column, from, to });
    }
    if (cells.length === 0) continue;
    changedCells += cells.length;
    if (changedRows++ < limit) rows.push({ key: k, cells });
  }
  for (const k of a.order) if (!b.rows.has(k) && removed++ < limit) removedKeys.push(k);
  return { added, removed, changedRows, changedCells, columnsAdded, columnsRemoved, addedKeys, removedKeys, rows };
}

/**
 * The file at each "commit:path" (undefined where the file does not exist), in one `git cat-file --batch`
 * process rather than one `git show` per version: each process costs more than the read.
 */
function showAll(git: string, root: string, specs: (string | undefined)[]): (string | undefined)[] | undefined {
  const asked = specs.filter((s): s is string => s !== undefined);
  let out: Buffer;
  try {
    out = execFileSync(git, ["cat-file", "--batch"], { cwd: root, input: asked.map((s) => `${s}\n`).join(""), maxBuffer: 1024 * 1024 * 1024, stdio: ["pipe", "pipe", "pipe"] });
  } catch {
    return undefined;
  }
  const blobs: (string | undefined)[] = [];
  let at = 0;
  for (const _ of asked) {
    const eol = out.indexOf(10, at);
    if (eol < 0) return undefined;
    const header = out.subarray(at, eol).toString("utf8").split(" ");
    at = eol + 1;
    if (header[1] !== "blob") {
      blobs.push(undefined);
      continue;
    }
    const size = Number(header[2]);
    blobs.push(out.subarray(at, at + size).toString("utf8"));
    at += size + 1;
  }
  return specs.map((s) => (s === undefined ? undefined : blobs.shift()));
}

const cache = new Map<string, DatasetHistory>();
const unavailableCache = new Map<string, string | undefined>();

/**
 * Every commit that touched `csvPath` (relative to `root`), oldest first, with what it changed.
 * Cached per build: the dataset page and the feed ask for the same files.
 */
export function datasetHistory(root: string, csvPath: string, options: HistoryOptions): DatasetHistory {
  const git = options.git ?? "git";
  const limit = options.limit ?? DEFAULT_LIMIT;
  const id = JSON.stringify([root, csvPath, options.key, limit, git]);
  const hit = cache.get(id);
  if (hit) return hit;
  const result = computeHistory(root, csvPath, options.key, limit, git);
  cache.set(id, result);
  return result;
}

function computeHistory(root: string, csvPath: string, key: string[], limit: number, git: string): DatasetHistory {
  const checkout = JSON.stringify([root, git]);
  if (!unavailableCache.has(checkout)) unavailableCache.set(checkout, historyUnavailable(root, git));
  const reason = unavailableCache.get(checkout);
  if (reason) return { available: false, reason };
  let log: LogEntry[];
  try {
    log = logOf(git, root, csvPath);
  } catch {
    return { available: false, reason: "journal git illisible" };
  }
  if (log.length === 0) return { available: false, reason: "fichier jamais enregistré dans git" };
  const texts = showAll(git, root, log.map((e) => (e.status === "D" ? undefined : `${e.commit}:${e.path}`)));
  if (!texts) return { available: false, reason: "versions illisibles dans git" };
  const changes: DatasetChange[] = [];
  let previous: string | undefined;
  for (const [i, entry] of log.entries()) {
    const text = texts[i];
    const diff = diffCsv(previous, text, key, limit);
    changes.push({ commit: entry.commit, date: entry.date, message: entry.message, path: entry.path, created: i === 0 || previous === undefined, deleted: entry.status === "D", ...diff });
    previous = text;
  }
  return { available: true, changes };
}

/** The history of data/<id>.csv, rows matched by the dataset card's `key:`. */
export function historyOfDataset(root: string, dataset: { id: string; meta: { key: string[] } }): DatasetHistory {
  return datasetHistory(root, `data/${dataset.id}.csv`, { key: dataset.meta.key });
}

/** Anchor of one change on its dataset page. */
export function changeAnchor(change: Pick<DatasetChange, "commit">): string {
  return `historique-${change.commit.slice(0, 12)}`;
}

const count = (n: number, one: string, many: string) => `${new Intl.NumberFormat("fr-FR").format(n)} ${n > 1 ? many : one}`;

/** One line in French saying what a commit did to the file: « 3 lignes ajoutées, 2 valeurs modifiées sur 1 ligne ». */
export function describeChange(c: DatasetChange): string {
  if (c.deleted) return `fichier supprimé (${count(c.removed, "ligne", "lignes")})`;
  if (c.created) return `création du fichier : ${count(c.added, "ligne", "lignes")}`;
  const parts: string[] = [];
  if (c.added) parts.push(count(c.added, "ligne ajoutée", "lignes ajoutées"));
  if (c.removed) parts.push(count(c.removed, "ligne retirée", "lignes retirées"));
  if (c.changedCells) parts.push(`${count(c.changedCells, "valeur modifiée", "valeurs modifiées")} sur ${count(c.changedRows, "ligne", "lignes")}`);
  if (c.columnsAdded.length) parts.push(`${c.columnsAdded.length > 1 ? "colonnes ajoutées" : "colonne ajoutée"} : ${c.columnsAdded.join(", ")}`);
  if (c.columnsRemoved.length) parts.push(`${c.columnsRemoved.length > 1 ? "colonnes retirées" : "colonne retirée"} : ${c.columnsRemoved.join(", ")}`);
  return parts.length ? parts.join(", ") : "aucune valeur modifiée (mise en forme ou renommage)";
}
