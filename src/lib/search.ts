/**
 * Which pages the site search (pagefind) indexes, and under which type its results are listed:
 * articles, charts, datasets, the glossary and the département pages. Decided from the path alone,
 * in one place, so the layout marks exactly these pages and no template has to remember to.
 */
import { routes } from "./routes.ts";

export type SearchKind = "Dossier" | "Graphique" | "Données" | "Glossaire" | "Département";

/** A path with exactly one segment after a section prefix: "/articles/x/" for prefix "/articles/". */
function childOf(prefix: string, path: string): boolean {
  if (!path.startsWith(prefix)) return false;
  const rest = path.slice(prefix.length);
  return /^[^/]+\/$/.test(rest);
}

export function searchKind(path: string): SearchKind | undefined {
  if (childOf(routes.articles(), path)) return "Dossier";
  if (childOf(routes.charts(), path)) return "Graphique";
  if (childOf(routes.datasets(), path)) return "Données";
  if (childOf(routes.departements(), path)) return "Département";
  if (path === routes.glossary()) return "Glossaire";
  return undefined;
}
