import { risesEachYear } from "./claims.ts";
import { defineChart } from "./define.ts";
import { billions, byYear, point, POSTE_IJ } from "./prescriptions-series.ts";
import { COLORS } from "./style.ts";
import { yearlyLines } from "./yearly.ts";

export default defineChart({
  id: "ij-prescrites-france",
  dataset: "prescriptions-france",
  theme: "Données ouvertes de la Cnam",
  title: "Les indemnités journalières prescrites par les médecins libéraux ont augmenté chaque année depuis 2012, sauf en 2021",
  reviewedRows: "cfb681313345",
  claims: [risesEachYear("ont augmenté chaque année depuis 2012, sauf en 2021", { value: (r) => (typeof r.montant === "number" ? r.montant : null), since: 2012, except: [2021] })],
  subtitle:
    "Montant des indemnités journalières (IJ) résultant des arrêts prescrits par les médecins libéraux, France entière, tous régimes, en milliards d’euros courants — médecins hospitaliers exclus ; ni des jours d’arrêt, ni des IJ par salarié",
  alt: "Courbe du montant annuel des indemnités journalières prescrites par les médecins libéraux, en France, depuis 2010.",
  describe: (rows) => {
    const first = rows[0]!;
    const last = rows.at(-1)!;
    const steps = rows.map((r) => `${r.annee} : ${billions(r.montant as number)}`);
    return `Courbe, en milliards d’euros, des indemnités journalières prescrites par les médecins libéraux, de ${billions(first.montant as number)} en ${first.annee} à ${billions(last.montant as number)} en ${last.annee}. Année par année : ${steps.join(" ; ")}.`;
  },
  notes: [
    "Données ouvertes de l’Assurance maladie (jeu « prescriptions »). L’export ne porte que des codes de poste : que le code des indemnités journalières soit bien celui-là celui des indemnités journalières est établi par l’ordre des postes et par les chiffres (voir la fiche du jeu), pas encore par un libellé officiel.",
    "Ce poste dépasse les dépenses d’IJ maladie seules publiées par ailleurs : il comprend selon toute vraisemblance aussi les arrêts pour accident du travail ou maladie professionnelle. Il ne se compare pas aux séries « IJ maladie » du site.",
    "Euros courants : l’inflation et la hausse des salaires, qui font monter le montant d’une journée indemnisée, ne sont pas retirées."
  ],
  responsive: true,
  rows: (d) => d.rows.filter((r) => r.poste === POSTE_IJ).sort(byYear),
  plot: (rows, ctx) =>
    yearlyLines(
      [
        {
          key: "ij",
          label: "Indemnités journalières",
          color: COLORS.accent,
          strong: true,
          points: rows.map((r) => point(r, typeof r.montant === "number" ? r.montant / 1e9 : null, "IJ prescrites par les médecins libéraux", typeof r.montant === "number" ? billions(r.montant) : "", ctx))
        }
      ],
      ctx,
      { yLabel: "Milliards d’euros", height: ctx.narrow ? 240 : 340 }
    )
});
