/**
 * What a built page runs or styles inline, as the Content-Security-Policy sees it: the text of each
 * <script> without src, of each <style>, and each style="" attribute. Their SHA-256 hashes are what the
 * policy allows (src/lib/headers.ts), so nothing inline runs unless the build itself wrote it.
 */
import { createHash } from "node:crypto";
import { parseHTML } from "linkedom";

export interface InlineSources {
  scripts: string[];
  styles: string[];
  styleAttributes: string[];
}

/** Script types a browser executes (anything else, e.g. application/ld+json, is data and needs no hash). */
const EXECUTABLE = /^(|module|text\/javascript|application\/javascript|text\/ecmascript|application\/ecmascript)$/i;

export function inlineSources(html: string): InlineSources {
  const { document } = parseHTML(html);
  const scripts = [...document.querySelectorAll("script")]
    .filter((s) => !s.hasAttribute("src") && EXECUTABLE.test((s.getAttribute("type") ?? "").trim()))
    .map((s) => s.textContent ?? "");
  const styles = [...document.querySelectorAll("style")].map((s) => s.textContent ?? "");
  const styleAttributes = [...document.querySelectorAll("[style]")].map((e) => e.getAttribute("style") ?? "");
  return { scripts, styles, styleAttributes };
}

/** A CSP hash source for a text: 'sha256-<base64>' of its UTF-8 bytes. */
export function cspHash(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}
