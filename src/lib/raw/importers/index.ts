import type { Importer } from "../importer.ts";
import { cnamDemographie } from "./cnam-demographie.ts";
import { cnamPrescriptions } from "./cnam-prescriptions.ts";
import { inseeTcrd068 } from "./insee-tcrd-068.ts";

/** Every importer, by the data/raw/ folder it reads. Adding an official file: a folder, a card, an importer here. */
export const importers: Importer[] = [cnamDemographie, cnamPrescriptions, inseeTcrd068];
