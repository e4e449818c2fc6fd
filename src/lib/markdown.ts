import MarkdownIt, { type StateCore, type Token } from "markdown-it";
import type { GlossaryTerm } from "./glossary.ts";
import { routes, withBase } from "./routes.ts";
import { frenchTypography } from "./typography.ts";

/**
 * What a page hands the renderer: how to place a chart, named in a ```chart fence, and the glossary
 * whose terms are linked at their first use.
 */
export interface MarkdownEnv {
  figure?: (id: string) => string | undefined;
  glossary?: GlossaryTerm[];
  [key: string | symbol]: unknown;
}

/**
 * The one Markdown renderer of the site. Raw HTML is off (article text is untrusted: nothing in it
 * may reach the page as markup), links are limited to http(s), mailto and site paths.
 */
export const markdown = new MarkdownIt({ html: false, linkify: false, typographer: true, quotes: ["«\u00a0", "\u00a0»", "“", "”"] });

const SAFE_LINK = /^(https?:|mailto:|\/|#)/i;
markdown.validateLink = (url: string) => SAFE_LINK.test(url.trim());

markdown.core.ruler.push("french_typography", (state) => {
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    for (const t of block.children) if (t.type === "text") t.content = frenchTypography(t.content);
  }
});

markdown.core.ruler.push("glossary", glossaryRule);

/**
 * Authors write links to the site from its root ("/articles/x/", "/glossaire/#ij"): they are checked
 * against the site's routes as written (src/site/site.ts), then served under the base path when the
 * site is published under one (src/lib/routes.ts). Rewritten at render time only, so parsing keeps the
 * author's spelling; links the renderer builds itself (glossary) carry meta.site and are left alone.
 */
function siteLinkRule(attr: string): NonNullable<typeof markdown.renderer.rules.link_open> {
  return (tokens, idx, options, _env, self) => {
    const token = tokens[idx]!;
    const value = String(token.attrGet(attr) ?? "");
    if (value && /^\/(?!\/)/.test(value) && !token.meta?.site) token.attrSet(attr, withBase(value));
    return self.renderToken(tokens, idx, options);
  };
}
markdown.renderer.rules.link_open = siteLinkRule("href");
const defaultImage = markdown.renderer.rules.image!;
markdown.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const src = String(token.attrGet("src") ?? "");
  if (src && /^\/(?!\/)/.test(src)) token.attrSet("src", withBase(src));
  return defaultImage(tokens, idx, options, env, self);
};

const defaultFence = markdown.renderer.rules.fence!;
markdown.renderer.rules.fence = (tokens, idx, options, env: MarkdownEnv | undefined, self) => {
  const token = tokens[idx]!;
  const id = chartFenceId(token);
  if (id === undefined) return defaultFence(tokens, idx, options, env, self);
  const figure = env?.figure?.(id);
  // An unknown id is reported by the checker before any build; this placeholder never ships.
  return figure ?? `<p class="chart-missing">Graphique introuvable : ${markdown.utils.escapeHtml(id)}</p>\n`;
};

/** The chart id of a ```chart fence, or undefined for any other fence. */
export function chartFenceId(token: Token): string | undefined {
  if (token.type !== "fence" || token.info.trim() !== "chart") return undefined;
  return token.content.trim();
}

export function renderMarkdown(source: string, env: MarkdownEnv = {}): string {
  return markdown.render(source, env);
}

/**
 * First use of each glossary term (any of its spellings) is linked to its entry: an acronym as
 * <abbr title="expansion"><a href="/glossaire/#id">IJ</a></abbr>, a plain term as a link whose title is
 * the first sentence of its definition. Leftmost, then longest spelling wins (« SOS IJ » before « IJ »);
 * never inside a link, inline code or a heading (fences and charts are not inline text). Runs after
 * the typography rule, on the text the reader sees; tokens are built, so attributes are escaped.
 */
function glossaryRule(state: StateCore): void {
  const terms = (state.env as MarkdownEnv | undefined)?.glossary;
  if (!terms || terms.length === 0) return;
  const matcher = compileGlossary(terms);
  const used = new Set<string>();
  state.tokens.forEach((block, b) => {
    if (block.type !== "inline" || !block.children) return;
    if (state.tokens[b - 1]?.type === "heading_open") return;
    const out: Token[] = [];
    let inLink = 0;
    for (const t of block.children) {
      if (t.type === "link_open") inLink++;
      else if (t.type === "link_close") inLink--;
      if (t.type !== "text" || inLink > 0) out.push(t);
      else out.push(...markTerms(t.content, matcher, used, state));
    }
    block.children = out;
  });
}

interface GlossaryMatcher {
  pattern: RegExp;
  bySpelling: Map<string, GlossaryTerm>;
}

const compiled = new WeakMap<GlossaryTerm[], GlossaryMatcher>();
const BOUNDARY_BEFORE = "(?<![\\p{L}\\p{N}_\\-])";
const BOUNDARY_AFTER = "(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])";

/** One regular expression for all spellings, longest first; compiled once per glossary. */
function compileGlossary(terms: GlossaryTerm[]): GlossaryMatcher {
  const cached = compiled.get(terms);
  if (cached) return cached;
  const bySpelling = new Map<string, GlossaryTerm>();
  for (const term of terms)
    for (const variant of term.variants) {
      const spelling = frenchTypography(variant);
      for (const s of /^\p{Ll}/u.test(spelling) ? [spelling, spelling.charAt(0).toUpperCase() + spelling.slice(1)] : [spelling])
        if (!bySpelling.has(normalizeSpaces(s))) bySpelling.set(normalizeSpaces(s), term);
    }
  const alternatives = [...bySpelling.keys()]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replace(/ /g, "[ \\u00a0\\u202f]"));
  const pattern = new RegExp(`${BOUNDARY_BEFORE}(?:${alternatives.join("|")})${BOUNDARY_AFTER}`, "gu");
  const matcher = { pattern, bySpelling };
  compiled.set(terms, matcher);
  return matcher;
}

function normalizeSpaces(s: string): string {
  return s.replace(/[\s\u00a0\u202f]+/g, " ");
}

/** Splits one text token around the first uses it contains. */
function markTerms(text: string, matcher: GlossaryMatcher, used: Set<string>, state: StateCore): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  const push = (type: string, tag: string, nesting: -1 | 0 | 1, content = "") => {
    const t = new state.Token(type, tag, nesting);
    t.content = content;
    tokens.push(t);
    return t;
  };
  for (const m of text.matchAll(matcher.pattern)) {
    const term = matcher.bySpelling.get(normalizeSpaces(m[0]));
    if (!term || used.has(term.id)) continue;
    used.add(term.id);
    if (m.index > last) push("text", "", 0, text.slice(last, m.index));
    const isAcronym = term.expansion !== undefined && !/\s/.test(m[0]) && /^\p{Lu}/u.test(m[0]);
    if (isAcronym) push("glossary_abbr_open", "abbr", 1).attrSet("title", frenchTypography(term.expansion!));
    const link = push("link_open", "a", 1);
    link.attrSet("href", `${routes.glossary()}#${term.id}`);
    link.meta = { site: true };
    link.attrSet("class", "glossary-term");
    if (!isAcronym) link.attrSet("title", frenchTypography(term.summary));
    push("text", "", 0, m[0]);
    push("link_close", "a", -1);
    if (isAcronym) push("glossary_abbr_close", "abbr", -1);
    last = m.index + m[0].length;
  }
  if (last === 0) return [Object.assign(new state.Token("text", "", 0), { content: text })];
  if (last < text.length) push("text", "", 0, text.slice(last));
  return tokens;
}
