/**
 * The numbers a French text states, read whole: « 1 200 » is 1200 (never 200 or 1), « 10,2 » is 10.2
 * (never 10 or 10.25), « 5.000 » is 5000, « quarante-six » is 46, « une soixantaine » is 60.
 * Excerpts (does the verbatim quote show the row's figure?) and the articles' and charts' own words
 * are read by this one function, so digits and words follow the same rules everywhere.
 */
export interface NumberToken {
  /** The text as written (« 1 200 », « quarante-six »). */
  raw: string;
  value: number;
  /** Decimals written (« 10,2 » → 1): the rounding the writer allowed. */
  decimals: number;
  /** Offset of the first character in the text read. */
  index: number;
  /** Written in words rather than digits. */
  words: boolean;
  /**
   * A second reading of two tokens: « 6, 2 » is 6 and 2, or 6.2 as a transcript prints a decimal comma
   * followed by a stray space. Excerpts (verbatim, typos kept) accept it; our own texts never write it.
   */
  alternative?: true;
}

const APPROXIMATIONS: Record<string, number> = {
  dizaine: 10,
  douzaine: 12,
  quinzaine: 15,
  vingtaine: 20,
  trentaine: 30,
  quarantaine: 40,
  cinquantaine: 50,
  soixantaine: 60,
  centaine: 100,
  millier: 1000
};

const UNITS: Record<string, number> = {
  deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30, quarante: 40,
  cinquante: 50, soixante: 60, cent: 100, cents: 100, mille: 1000
};
const UNIT_WORDS = Object.keys(UNITS).join("|");

/**
 * One pass over the text, alternatives tried left to right:
 * - « une soixantaine », « un millier »: an approximation written as a noun;
 * - French number words, possibly joined by hyphens, « et » or spaces (« quatre-vingt-dix », « vingt et un »);
 *   « un » alone is never read, it is mostly an article;
 * - digits: thousands grouped by a space (« 1 200 ») or a dot followed by exactly three digits (« 5.000 »),
 *   then an optional decimal part after a comma or a dot (« 10,2 », « 15.8 »). A space opens a new group
 *   only before exactly three digits, so « en 2023 5 000 » is two numbers, and « 87, 39 » is a list.
 */
const TOKEN = new RegExp(
  [
    `(?<approx>\\b(?:une|un)\\s+(?<noun>${Object.keys(APPROXIMATIONS).join("|")})s?\\b)`,
    `(?<words>\\b(?:${UNIT_WORDS})(?:(?:-| et | )(?:un|${UNIT_WORDS}))*\\b)`,
    `(?<![\\d.,])(?<int>\\d{1,3}(?:(?: |\\.)\\d{3})+(?![\\d])|\\d+)(?:[,.](?<frac>\\d+))?(?![\\d])`
  ].join("|"),
  "giu"
);

const SPACES = /[\u00a0\u202f\u2009\u2007]/g;

/** Every number a text states, in reading order. Signs are not read (« baisse de 0,8 % » states 0.8). */
export function readNumbers(text: string): NumberToken[] {
  const flat = text.replace(SPACES, " ");
  const out: NumberToken[] = [];
  for (const m of flat.matchAll(TOKEN)) {
    const g = m.groups!;
    if (g.approx) out.push({ raw: m[0], value: APPROXIMATIONS[g.noun!.toLowerCase()]!, decimals: 0, index: m.index, words: true });
    else if (g.words) out.push({ raw: m[0], value: wordsToNumber(m[0].toLowerCase()), decimals: 0, index: m.index, words: true });
    else {
      const int = g.int!.replace(/[ .]/g, "");
      const frac = g.frac;
      out.push({ raw: m[0], value: Number(frac ? `${int}.${frac}` : int), decimals: frac?.length ?? 0, index: m.index, words: false });
      const prev = out[out.length - 2];
      if (!frac && prev && !prev.words && prev.decimals === 0 && /^\d+$/.test(prev.raw) && flat.slice(prev.index + prev.raw.length, m.index) === ", ")
        out.push({ raw: `${prev.raw}, ${m[0]}`, value: Number(`${prev.raw}.${int}`), decimals: int.length, index: prev.index, words: false, alternative: true });
    }
  }
  return out;
}

/** « treize » → 13, « quarante-six » → 46, « quatre-vingt-dix » → 90, « deux cents » → 200. */
function wordsToNumber(words: string): number {
  let total = 0;
  let current = 0;
  for (const w of words.split(/-| et | /)) {
    const n = w === "un" ? 1 : UNITS[w] ?? 0;
    if (n === 100) current = (current || 1) * 100;
    else if (n === 1000) {
      total += (current || 1) * 1000;
      current = 0;
    } else if (n === 20 && current % 100 === 4) current = current - 4 + 80; // quatre-vingt
    else current += n;
  }
  return total + current;
}

/** Every number an excerpt states, as values. */
export function numbersIn(excerpt: string): number[] {
  return [...new Set(readNumbers(excerpt).map((t) => t.value))];
}

/** Does a verbatim excerpt state this figure exactly, as one whole number (digits or words)? */
export function excerptShows(excerpt: string, value: number): boolean {
  const target = Math.abs(value);
  return readNumbers(excerpt).some((t) => Math.abs(t.value - target) < 1e-9);
}
