import MarkdownIt, { type Token } from "markdown-it";
import { frenchTypography } from "./typography.ts";

/** What a page hands the renderer: how to place a chart, named in a ```chart fence. */
export interface MarkdownEnv {
  figure?: (id: string) => string | undefined;
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
