/**
 * Regenerates data/departements.csv, the reference every département code is checked against,
 * from the COG published by Etalab (npm @etalab/decoupage-administratif). Deterministic: the same
 * package version always writes the same bytes, so `git diff` shows exactly what a refresh changed.
 *
 *   npm run data:departements
 */
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import { csvFormatRows } from "d3-dsv";

const require = createRequire(import.meta.url);
const PKG = "@etalab/decoupage-administratif";
type Entry = { code: string; nom: string; region: string; zone: string; type?: string; departement?: string; population?: number };
const departements: Entry[] = require(`${PKG}/data/departements.json`);
const regions: Entry[] = require(`${PKG}/data/regions.json`);
const communes: Entry[] = require(`${PKG}/data/communes.json`);
const version: string = require(`${PKG}/package.json`).version;

/** INSEE legal populations shipped by the package; Mayotte's come from its 2017 census (package README). */
const POPULATION_YEAR = 2023;
const POPULATION_YEAR_MAYOTTE = 2017;
const SOURCE_ID = "etalab-decoupage-administratif";

export function departementRows(): string[][] {
  const regionName = new Map(regions.map((r) => [r.code, r.nom]));
  const population = new Map<string, number>();
  for (const c of communes) {
    if (c.type !== "commune-actuelle" || c.departement === undefined || c.population === undefined) continue;
    population.set(c.departement, (population.get(c.departement) ?? 0) + c.population);
  }
  const rows = departements
    .filter((d) => d.zone === "metro" || d.zone === "drom")
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((d) => {
      const pop = population.get(d.code);
      if (pop === undefined) throw new Error(`${PKG} : aucune population communale pour le département ${d.code}`);
      const region = regionName.get(d.region);
      if (region === undefined) throw new Error(`${PKG} : région ${d.region} inconnue pour le département ${d.code}`);
      return [d.code, d.nom, d.region, region, d.zone, String(pop), String(d.code === "976" ? POPULATION_YEAR_MAYOTTE : POPULATION_YEAR), SOURCE_ID];
    });
  if (rows.length !== 101) throw new Error(`${PKG}@${version} : attendu 101 départements, trouvé ${rows.length}`);
  return [["code", "nom", "region_code", "region", "zone", "population", "population_annee", "source"], ...rows];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync("data/departements.csv", csvFormatRows(departementRows()) + "\n");
  console.log(`data/departements.csv : 101 départements écrits depuis ${PKG}@${version}`);
}
