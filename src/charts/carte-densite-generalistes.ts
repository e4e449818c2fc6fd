import { formatNumber } from "../lib/format.ts";
import { defineMap, rowSource } from "./map/index.ts";

export default defineMap({
  id: "carte-densite-generalistes",
  dataset: "medecins-densite-2025",
  title: "Densité de médecins généralistes au 1er janvier 2025 : un repère de contexte, pas un indicateur d’arrêts de travail",
  reviewedRows: "ec573fee1512",
  heading: "Généralistes pour 100 000 habitants, 2025 (contexte)",
  subtitle:
    "Médecins généralistes en activité (libéraux et salariés) pour 100 000 habitants, au 1er janvier 2025, d’après l’Insee (Drees, RPPS ; Insee, estimations de population). Contexte : une autre source, une autre date, jamais sur l’échelle des montants de la Cnam.",
  alt: "Carte des départements colorés selon le nombre de médecins généralistes pour 100 000 habitants au 1er janvier 2025.",
  notes: [
    "Densité de tous les généralistes, salariés compris : les prescriptions de la Cnam ne concernent que les médecins libéraux.",
    "L’Insee arrondit les densités à l’unité."
  ],
  rows: (d) => d.rows,
  map: (rows, _ctx, catalogue) => ({
    values: rows.map((r) => ({
      code: String(r.departement),
      min: r.generalistes_densite as number,
      max: r.generalistes_densite as number,
      text: `${formatNumber(r.generalistes_densite as number)} pour 100\u00a0000\u00a0hab.`,
      details: ["Médecins généralistes pour 100 000 habitants, 1er janvier 2025", `Source\u00a0: ${rowSource(r, catalogue)}, feuille DEP, ligne ${r.ligne}`],
      year: "2025",
      sourceIds: [String(r.source)],
      line: r.ligne as number
    })),
    legendTitle: "Médecins généralistes pour 100 000 habitants au 1er janvier 2025 (Insee) — contexte, pas un indicateur d’arrêts de travail",
    missing: "sans valeur",
    missingDetail: "densité non publiée",
    labels: false
  })
});
