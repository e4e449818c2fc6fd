import { readZip } from "./zip.ts";

/** One worksheet: its cells as text, by row number (1-based, as Excel shows them) and column index (0 = A). */
export type Sheet = Map<number, string[]>;

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) =>
    name[0] === "#" ? String.fromCodePoint(name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1))) : XML_ENTITIES[name] ?? whole
  );
}

/** « AB12 » or « AB » → 27 (0-based column index); -1 for anything else. */
export function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? "";
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

/**
 * Reads one worksheet of an .xlsx workbook, by its tab name, as the text Excel stores: shared and inline
 * strings as written, numbers as their stored decimal text (never reformatted, so a value can be compared
 * with the raw cell to the digit). Styles, formulas and dates are not interpreted: the files read here are
 * plain tables published as values.
 */
export function readXlsxSheet(bytes: Buffer, sheetName: string): Sheet {
  const zip = readZip(bytes);
  const text = (name: string) => {
    const entry = zip.get(name);
    if (!entry) throw new Error(`classeur : partie ${name} manquante`);
    return entry.toString("utf8");
  };
  const shared = zip.has("xl/sharedStrings.xml")
    ? [...text("xl/sharedStrings.xml").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1]!)).join(""))
    : [];
  const sheets = [...text("xl/workbook.xml").matchAll(/<sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"/g)].map((m) => ({ name: unescapeXml(m[1]!), rel: m[2]! }));
  const sheet = sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`classeur : attendu une feuille nommée ${JSON.stringify(sheetName)}, trouvé les feuilles ${sheets.map((s) => s.name).join(", ")}`);
  const target = new RegExp(`<Relationship\\b[^>]*Id="${sheet.rel}"[^>]*Target="([^"]*)"`).exec(text("xl/_rels/workbook.xml.rels"))?.[1]
    ?? new RegExp(`<Relationship\\b[^>]*Target="([^"]*)"[^>]*Id="${sheet.rel}"`).exec(text("xl/_rels/workbook.xml.rels"))?.[1];
  if (!target) throw new Error(`classeur : la feuille ${sheetName} n'a pas de partie`);
  const xml = text(target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  const rows: Sheet = new Map();
  for (const row of xml.matchAll(/<row\b[^>]*\br="(\d+)"[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const cells: string[] = [];
    for (const cell of (row[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = cell[1]!;
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
      if (!ref) continue;
      const type = /\bt="([^"]*)"/.exec(attrs)?.[1];
      const body = cell[2] ?? "";
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value = "";
      if (type === "s" && v !== undefined) value = shared[Number(v)] ?? "";
      else if (type === "inlineStr") value = [...body.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1]!)).join("");
      else if (v !== undefined) value = unescapeXml(v);
      const i = columnIndex(ref);
      while (cells.length < i) cells.push("");
      cells[i] = value;
    }
    rows.set(Number(row[1]), cells);
  }
  return rows;
}
