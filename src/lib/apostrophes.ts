/**
 * French typographic apostrophes in built pages: « l’Assurance », « Val-d’Oise ». Templates, data and
 * Markdown are written with the keyboard's ' (and data files keep it: excerpts are verbatim); the pages
 * set it as ’, once, after the build, in text only: never in attributes, scripts, styles, code, or the
 * snippets offered to copy (textarea), whose text must stay as it is.
 */
const SKIPPED = /<(script|style|textarea|code|pre)\b[\s\S]*?<\/\1\s*>/gi;
/** An elision: a straight apostrophe, raw or as the entity Astro writes, between two letters. */
const ELISION = /(\p{L})(?:'|&#39;|&#x27;|&apos;)(?=\p{L})/gu;

/** The page with every elision in its text set with ’ (U+2019). */
export function curlyApostrophes(html: string): string {
  let out = "";
  let last = 0;
  for (const skipped of html.matchAll(SKIPPED)) {
    out += textOnly(html.slice(last, skipped.index));
    out += skipped[0];
    last = skipped.index + skipped[0].length;
  }
  return out + textOnly(html.slice(last));
}

/** Replaces in the text between tags, leaving every tag (and so every attribute) as it is. */
function textOnly(html: string): string {
  return html.replace(/(^|>)([^<]*)/g, (_, open: string, text: string) => open + text.replace(ELISION, "$1\u2019"));
}

/** The same, on plain text (what a reader sees of a text set by curlyApostrophes). */
export function curlyText(text: string): string {
  return text.replace(ELISION, "$1\u2019");
}
