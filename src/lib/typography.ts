/**
 * French typography on plain text: non-breaking spaces where French typesetting wants them,
 * so « ; » never starts a line and « 1 234 » never splits. Applied to text, never to code or URLs.
 */
const NBSP = "\u00a0";
const NNBSP = "\u202f";

export function frenchTypography(text: string): string {
  return text
    .replace(/'/g, "’")
    .replace(/«[ \u00a0\u202f]*/g, `«${NBSP}`)
    .replace(/[ \u00a0\u202f]*»/g, `${NBSP}»`)
    .replace(/ ([;!?])/g, `${NNBSP}$1`)
    .replace(/ :/g, `${NBSP}:`)
    .replace(/(\d) (?=\d{3}(?!\d))/g, `$1${NNBSP}`)
    .replace(/(\d) (%|€|Md€|M€)/g, `$1${NBSP}$2`);
}
