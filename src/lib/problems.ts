import { countOf } from "./format.ts";
/** A located problem in a maintainer's file: what the data checker and the build report. */
export interface Problem {
  file: string;
  line?: number;
  /** 1-based field index in a CSV row, or character column in a text file. */
  column?: number;
  message: string;
  /** Short, stable name of the kind of problem (« csv/not-a-number », « meta/unknown-key »). */
  code?: string;
  /** What to do about it, printed on its own line under the problem. */
  hint?: string;
}

/**
 * The kinds of problem, each with a short code and what to do about it. A problem that names its own
 * code and hint (the figure checks, unknown keys) keeps them; the others are recognised by their
 * message, which every checker writes in French as « quoi : attendu …, trouvé … ». The codes stay short
 * ASCII names, stable across wording changes; the patterns below change with the messages they read.
 */
const KINDS: [RegExp, string, string][] = [
  [/^UTF-8 invalide/, "file/not-utf8", "enregistrez le fichier en UTF-8 (dans la plupart des éditeurs : « Enregistrer avec l'encodage »)"],
  [/^YAML invalide/, "yaml/syntax", "corrigez le YAML à cet endroit : indentation, guillemet manquant, ] ou :"],
  [/^(champ "[^"]*"|document) : .*trouvé aucune valeur$/, "yaml/missing", "ajoutez le champ, comme le dit le message"],
  [/^(champ "[^"]*"|document) : attendu (l'une des valeurs|true ou false|un texte(?! non vide)|un nombre|une liste|un dictionnaire|une date(?! de ))/, "yaml/wrong-type", "écrivez la valeur sous la forme attendue"],
  [/^(champ "[^"]*"|document) : attendu (des [^,]* uniques|chaque [^,]* une seule fois|une graphie propre à une seule entrée)/, "yaml/duplicate", "gardez chaque valeur une seule fois"],
  [/^(champ "[^"]*"|document) : attendu (une colonne déclarée|un terme du glossaire|un autre terme|un identifiant de source|une page du site|un identifiant d'événement)/, "yaml/unknown-reference", "utilisez un nom déclaré là où le dit le message, ou déclarez-le d'abord"],
  [/^(champ "[^"]*"|document) : attendu une URL http\(s\)/, "yaml/bad-url", "écrivez une adresse absolue https://"],
  [/^(champ "[^"]*"|document) : attendu une date/, "yaml/bad-date", "écrivez la date sous la forme AAAA-MM-JJ (ou AAAA, AAAA-MM là où le champ l'accepte)"],
  [/^(champ "[^"]*"|document) : /, "yaml/invalid", "corrigez la valeur, comme le dit le message"],
  [/^front matter : attendu un bloc/, "article/no-front-matter", "commencez le fichier par un bloc entre lignes --- : title, date, summary, tags, sources"],
  [/^front matter "\w+"/, "article/unknown-reference", "utilisez un identifiant qui existe (data/, data/sources/, data/evenements.csv), ou ajoutez-le d'abord"],
  [/^bloc chart/, "article/unknown-chart", "utilisez l'identifiant d'un graphique déclaré dans src/charts/"],
  [/^lien : attendu une page/, "article/broken-link", "faites pointer le lien vers une page existante du site (voir src/lib/routes.ts)"],
  [/^lien : /, "article/unsafe-link", "faites pointer le lien vers une URL http(s) ou un chemin du site"],
  [/^(fichier|ligne) enregistrée? par Excel \(France\)/, "csv/excel-fr", "réenregistrez en « CSV UTF-8 (délimité par des virgules) » avec le point décimal, ou remplacez « ; » par « , » et « 290,5 » par 290.5 (entourez de guillemets une cellule qui contient une virgule)"],
  [/^ligne vide/, "csv/blank-line", "supprimez la ligne vide"],
  [/^guillemet non fermé/, "csv/unterminated-quote", 'fermez la cellule entre guillemets par " (doublez un " qui s\'y trouve : "")'],
  [/^nombre de champs incorrect/, "csv/field-count", 'entourez de guillemets une cellule qui contient une virgule ("…, …"), ou ajoutez les cellules manquantes'],
  [/^fichier vide/, "csv/empty", "écrivez la ligne d'en-tête, puis les lignes"],
  [/^en-tête seul/, "csv/no-rows", "ajoutez au moins une ligne, ou supprimez le jeu de données"],
  [/^colonne inconnue/, "csv/unknown-column", "déclarez la colonne dans la fiche du jeu (columns:), ou supprimez-la"],
  [/^colonne manquante/, "csv/missing-column", "ajoutez la colonne à l'en-tête du CSV, ou retirez-la de la fiche"],
  [/^ordre des colonnes/, "csv/column-order", "placez les colonnes du CSV dans l'ordre que déclare la fiche"],
  [/^clé en double/, "csv/duplicate-key", "gardez une ligne par clé : fusionnez les lignes, ou distinguez-les par une colonne clé"],
  [/^colonne "[^"]+" : attendu le chiffre dans/, "csv/figure-not-in-excerpt", "copiez l'extrait mot pour mot depuis la source, pour qu'il montre le chiffre, ou corrigez le chiffre"],
  [/^colonne "[^"]+" : attendu (un nombre|un entier)/, "csv/not-a-number", "écrivez des chiffres avec le point comme séparateur décimal, sans espace ni unité (4.1, pas 4,1)"],
  [/^colonne "[^"]+" : attendu une valeur \(/, "csv/required", "remplissez la cellule ; ne la laissez vide que si la fiche dit required: false (jamais 0 pour une valeur inconnue)"],
  [/^colonne "[^"]+" : attendu l'une des valeurs/, "csv/not-allowed", "utilisez l'un des codes que liste la fiche, ou ajoutez le code à ses values"],
  [/^colonne "[^"]+" : attendu un code de département/, "csv/unknown-departement", "utilisez un code officiel (01…95, 2A, 2B, 971…976)"],
  [/^colonne "[^"]+" : attendu un identifiant de source/, "csv/unknown-source", "déclarez d'abord la source dans data/sources/*.yaml"],
  [/^colonne "[^"]+" : attendu une date/, "csv/not-a-date", "écrivez la date sous la forme AAAA, AAAA-MM ou AAAA-MM-JJ"],
  [/^colonne "source" : attendu un chiffre appuyé sur/, "csv/republication-only", "citez aussi la publication d'origine, ou dites sur la source (republication_note) pourquoi cette copie est citée"],
  [/^colonne "[^"]+" : /, "csv/invalid-cell", "corrigez la cellule, comme le dit le message"],
  [/^identifiant de source en double/, "source/duplicate-id", "donnez à chaque source son propre identifiant"],
  [/^URL de source en double/, "source/duplicate-url", "gardez une source par page et citez cet identifiant partout"],
  [/^jeu de données sans/, "data/missing-pair", "chaque jeu de données est une paire : data/<id>.csv et data/<id>.yaml"],
  [/^(référence|sources|ligne|départements) manquante?s? : /, "data/missing", "rétablissez le fichier ou le dossier nommé"],
  [/^(identifiant de graphique en double|graphique ")/, "chart/invalid", "corrigez la déclaration du graphique dans src/charts/"]
];

/** Code and hint of a problem: its own, or those of its kind. */
export function describeProblem(p: Problem): { code: string; hint: string } {
  const kind = KINDS.find(([pattern]) => pattern.test(p.message));
  return { code: p.code ?? kind?.[1] ?? "other", hint: p.hint ?? kind?.[2] ?? "lisez le message : il dit ce qui était attendu et ce qui a été trouvé" };
}

/** `file:line:column message`: one line, that editors can click. */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.line, p.line !== undefined ? p.column : undefined].filter((x) => x !== undefined).join(":");
  return `${where} ${p.message}`;
}

/** What `npm run data:check` and the build print: the problem line with its code, then the hint (« conseil : … ») on its own line. */
export function formatProblemWithHint(p: Problem): string {
  const { code, hint } = describeProblem(p);
  return `${formatProblem(p)} [${code}]\n    conseil : ${hint}`;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
  );
}

/** Shows a found value the way a maintainer would spot it in the file. */
export function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? value.slice(0, 57) + "…" : value);
}

export class ProblemsError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(`${countOf(problems.length, "problème")} dans les données :\n` + sortProblems(problems).map(formatProblemWithHint).join("\n"));
    this.problems = problems;
  }
}
