import type { Problem } from "./problems.ts";

export type Decoded = { ok: true; text: string } | { ok: false; problem: Problem };

/**
 * Decodes a maintainer's file as UTF-8. A BOM is dropped (spreadsheets add one);
 * invalid bytes are reported at their line and column rather than replaced, so that
 * a file saved as Latin-1 is caught before any « é » turns into « � » on the site.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): Decoded {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    return {
      ok: false,
      problem: { file, line, column: offset - lineStart + 1, message: `UTF-8 invalide : attendu du texte en UTF-8, trouvé l'octet 0x${byte}` }
    };
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const n = b[i + k];
      if (n === undefined || (n & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return b.length;
}
