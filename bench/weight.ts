/**
 * Weight of a built page as a reader downloads it: its HTML plus the CSS and JS files it references,
 * each gzipped. Inline <style> and <script> count as CSS and JS, not HTML.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";

export interface PageWeight {
  path: string;
  html: number;
  css: number;
  js: number;
  total: number;
}

const gz = (text: string | Buffer) => (text.length === 0 ? 0 : gzipSync(text).length);

/** Every page of a built site as URL paths, from its index.html files (and other .html files). */
export function builtHtmlPages(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => {
      const parts = relative(dist, join(e.parentPath, e.name)).split(sep);
      return e.name === "index.html" ? "/" + parts.slice(0, -1).map((s) => `${s}/`).join("") : "/" + parts.join("/");
    })
    .sort();
}

export function fileOf(dist: string, path: string): string {
  return path.endsWith("/") ? join(dist, path, "index.html") : join(dist, path);
}

/** The template of a page, from its path: "/articles/x/" and "/articles/y/" share one type. */
export function pageType(path: string): string {
  const parts = path.split("/").filter(Boolean);
  return parts.length <= 1 ? path : `/${parts[0]}/${parts.slice(1).map(() => "*").join("/")}${path.endsWith("/") ? "/" : ""}`;
}

/** A local file a page points to (/_astro/x.js, ../x.css), or undefined for another origin. */
function localFile(dist: string, page: string, url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//")) return undefined;
  const path = url.split(/[?#]/)[0]!;
  const file = path.startsWith("/") ? join(dist, path) : join(dirname(fileOf(dist, page)), path);
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/** A JS module and the local modules it imports statically or dynamically, once each. */
function moduleGraph(file: string, seen: Set<string>): void {
  if (seen.has(file)) return;
  seen.add(file);
  const code = readFileSync(file, "utf8");
  for (const m of code.matchAll(/(?:import|export)\s*(?:[^"'()]*?from\s*)?["']([^"']+\.m?js)["']|import\(\s*["']([^"']+\.m?js)["']\s*\)/g)) {
    const spec = m[1] ?? m[2]!;
    if (!spec.startsWith(".") && !spec.startsWith("/")) continue;
    const next = join(dirname(file), spec);
    if (existsSync(next)) moduleGraph(next, seen);
  }
}

const EXECUTABLE = (type: string | undefined) => !type || /^(module|text\/javascript|application\/javascript)$/i.test(type);

export function pageWeight(dist: string, path: string): PageWeight {
  const html = readFileSync(fileOf(dist, path), "utf8");
  let inlineCss = "";
  let inlineJs = "";
  const cssFiles = new Set<string>();
  const jsFiles = new Set<string>();
  const bare = html
    .replace(/<style\b[^>]*>([\s\S]*?)<\/style>/gi, (_, css: string) => {
      inlineCss += css;
      return "";
    })
    .replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi, (all, attrs: string, js: string) => {
      const type = /\btype=["']?([^"'\s>]+)/i.exec(attrs)?.[1];
      if (!EXECUTABLE(type)) return all; // JSON data stays in the HTML column
      const src = /\bsrc=["']?([^"'\s>]+)/i.exec(attrs)?.[1];
      if (src) {
        const file = localFile(dist, path, src);
        if (file) moduleGraph(file, jsFiles);
      } else inlineJs += js;
      return "";
    });
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const href = /\bhref=["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if (!href) continue;
    const file = localFile(dist, path, href);
    if (!file) continue;
    if (/\brel=["']?stylesheet/i.test(tag)) cssFiles.add(file);
    else if (/\brel=["']?modulepreload/i.test(tag)) moduleGraph(file, jsFiles);
  }
  const css = gz(inlineCss) + [...cssFiles].reduce((n, f) => n + gz(readFileSync(f)), 0);
  const js = gz(inlineJs) + [...jsFiles].reduce((n, f) => n + gz(readFileSync(f)), 0);
  const h = gz(bare);
  return { path, html: h, css, js, total: h + css + js };
}
