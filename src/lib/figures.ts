/**
 * Does a verbatim excerpt show a figure? Sources write numbers the French way (« 10,2 »,
 * « 1 200 », « 5.000 ») or in words (« une soixantaine »); the data stores them as plain numbers.
 */
const WORDS: Record<string, number> = {
  "une dizaine": 10,
  "une douzaine": 12,
  "une quinzaine": 15,
  "une vingtaine": 20,
  "une trentaine": 30,
  "une quarantaine": 40,
  "une cinquantaine": 50,
  "une soixantaine": 60,
  "une centaine": 100,
  "un millier": 1000
};

const UNITS: Record<string, number> = {
  deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30, quarante: 40,
  cinquante: 50, soixante: 60, cent: 100, cents: 100, mille: 1000
};
const NUMBER_WORDS = new RegExp(`\\b(?:${Object.keys(UNITS).join("|")})(?:(?:-| et | )(?:un|${Object.keys(UNITS).join("|")}))*\\b`, "g");

/**
 * Reads a French number written in words, as press excerpts do (« treize », « quarante-six »,
 * « quatre-vingt-dix », « deux cents »). « un » alone is never read, it is mostly an article.
 */
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

const SPACES = /[\u00a0\u202f\u2009\u2007]/g;
const NUMBER_TOKEN = /\d+(?:(?:[ .,]|, )\d+)*/g;

/** Every number an excerpt can be read as saying, signs dropped (« baisse de 0,8 % » says 0.8). */
export function numbersIn(excerpt: string): number[] {
  const text = excerpt.replace(SPACES, " ").toLowerCase();
  const found = new Set<number>();
  for (const [words, n] of Object.entries(WORDS)) if (text.includes(words)) found.add(n);
  for (const [words] of text.matchAll(NUMBER_WORDS)) found.add(wordsToNumber(words));
  for (const [token] of text.matchAll(NUMBER_TOKEN)) for (const n of readings(token)) found.add(n);
  return [...found];
}

function readings(token: string): number[] {
  const out: number[] = [];
  const add = (s: string) => {
    if (/^\d+(\.\d+)?$/.test(s)) out.push(Number(s));
  };
  // « 1 200,5 » / « 1.200 » : spaces or dots as thousands separators, comma as decimal.
  add(token.replace(/ /g, "").replace(/\.(?=\d{3}(\D|$))/g, "").replace(",", "."));
  // « 10.2 » / « 6, 2 » (a source's own typo): dot or comma as decimal separator.
  add(token.replace(/ /g, "").replace(",", "."));
  // Two figures side by side (« en 2023 5 000 ») or a list (« 87, 39 »): each part alone.
  for (const part of token.split(/ |, /)) {
    add(part.replace(",", "."));
    add(part.replace(/\./g, ""));
  }
  return out;
}

export function excerptShows(excerpt: string, value: number): boolean {
  const target = Math.abs(value);
  return numbersIn(excerpt).some((n) => Math.abs(n - target) < 1e-9);
}
