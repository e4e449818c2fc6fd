import { inflateRawSync } from "node:zlib";

/**
 * The entries of a ZIP archive (an .xlsx workbook is one), read from its central directory.
 * Only what Office files use: stored or deflated entries, no encryption, no ZIP64; anything else is
 * refused by name rather than read wrong.
 */
export function readZip(bytes: Buffer): Map<string, Buffer> {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("archive ZIP invalide : attendu un enregistrement de fin de répertoire central, trouvé aucun");
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error(`répertoire central ZIP : enregistrement inattendu à l'octet ${at}`);
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    if (flags & 1) throw new Error(`entrée ZIP ${name} : les entrées chiffrées ne sont pas prises en charge`);
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(dataStart, dataStart + compressed);
    if (method === 0) entries.set(name, Buffer.from(data));
    else if (method === 8) entries.set(name, inflateRawSync(data));
    else throw new Error(`entrée ZIP ${name} : méthode de compression ${method} non prise en charge`);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
