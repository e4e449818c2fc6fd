import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/lib/csv.ts";
import { decodeUtf8 } from "../../src/lib/text.ts";

describe("parseCsv(text)", () => {
  it("returns each record with the line it starts on", () => {
    expect(parseCsv('a,b\n1,"x\ny"\n2,z\n')).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "x\ny"] },
      { line: 4, fields: ["2", "z"] }
    ]);
  });
  it("reads CRLF files like LF files", () => {
    expect(parseCsv("a,b\r\n1,2\r\n")).toEqual(parseCsv("a,b\n1,2\n"));
  });
  it("keeps département codes as text", () => {
    expect(parseCsv("code\n01\n2A\n971\n").map((r) => r.fields[0])).toEqual(["code", "01", "2A", "971"]);
  });
  it("unescapes doubled quotes", () => {
    expect(parseCsv('t\n"« un ""millier"" »"\n')[1]!.fields).toEqual(['« un "millier" »']);
  });
});

describe("decodeUtf8(bytes, file)", () => {
  it("accepts UTF-8 with a BOM", () => {
    const r = decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), "f.csv");
    expect(r.ok && r.text.replace(/^\uFEFF/, "")).toBe("a");
  });
  it("locates the first invalid byte", () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("ligne 1\ncat"), 0xe9, 0x67]);
    expect(decodeUtf8(bytes, "f.csv")).toEqual({
      ok: false,
      problem: { file: "f.csv", line: 2, column: 4, message: "UTF-8 invalide : attendu du texte en UTF-8, trouvé l'octet 0xE9" }
    });
  });
});
