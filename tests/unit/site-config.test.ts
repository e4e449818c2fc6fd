import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LEGAL_ITEMS, legalWarning, loadSiteConfig } from "../../src/lib/site-config.ts";

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function root(yaml?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "so-config-"));
  dirs.push(dir);
  if (yaml !== undefined) {
    mkdirSync(join(dir, "content"));
    writeFileSync(join(dir, "content", "site.yaml"), yaml);
  }
  return dir;
}

const FILLED = `editeur:
  nom: Association Exemple
  adresse: 1 rue de l'Exemple, 75000 Paris
  telephone: 01 23 45 67 89
directeur_publication: Camille Exemple
hebergeur:
  nom: Hébergeur Exemple
  adresse: 2 rue de l'Hébergeur, 59000 Lille
  telephone: 03 20 00 00 00
contact: redaction@exemple.fr
`;

describe("content/site.yaml (mentions légales)", () => {
  it("treats the committed template's empty fields, and a missing file, as every item missing, with a warning naming each key", () => {
    const empty = loadSiteConfig(root('editeur:\n  nom: ""\n  adresse: ""\n  telephone: ""\ndirecteur_publication: ""\nhebergeur:\n  nom: ""\n  adresse: ~\n  telephone: ""\ncontact: ""\n'));
    expect(empty.problems).toEqual([]);
    expect(empty.missing.map((m) => m.key)).toEqual(LEGAL_ITEMS.map((i) => i.key));
    expect(legalWarning(empty)).toMatch(/mentions légales incomplètes, 8.champs vides dans content\/site\.yaml \(editeur\.nom, .*contact\)/);
    expect(loadSiteConfig(root()).missing).toHaveLength(8);
  });

  it("gives no warning once every item is filled in, and keeps the values as written", () => {
    const full = loadSiteConfig(root(FILLED));
    expect(full.problems).toEqual([]);
    expect(full.missing).toEqual([]);
    expect(legalWarning(full)).toBeUndefined();
    expect(full.config.directeur_publication).toBe("Camille Exemple");
    expect(full.config.contact).toBe("redaction@exemple.fr");
  });

  it("lists only the items left empty", () => {
    const partial = loadSiteConfig(root(FILLED.replace("Camille Exemple", '""').replace("03 20 00 00 00", '"  "')));
    expect(partial.missing.map((m) => m.key)).toEqual(["directeur_publication", "hebergeur.telephone"]);
  });

  it("reports a malformed file where the problem is: a contact that is not an e-mail, an unknown key", () => {
    const bad = loadSiteConfig(root(FILLED.replace("contact: redaction@exemple.fr", "contact: mailto:redaction@exemple.fr").replace("directeur_publication:", "directrice: X\ndirecteur_publication:")));
    const lines = bad.problems.map((p) => `${p.file}:${p.line} ${p.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([expect.stringMatching(/^content\/site\.yaml:\d+ champ "directrice" : clé inconnue : attendu une clé que déclare le schéma, trouvé "directrice"/), expect.stringMatching(/^content\/site\.yaml:\d+ champ "contact" : attendu une adresse électronique/)])
    );
  });
});
