import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { listenForCsp, watch, type PageReport } from "../setup/browser.ts";

/**
 * Every HTML page of a built site as URL paths: "/x/" for x/index.html, "/404.html" for other files.
 * Stand-alone HTML files are listed too: the 404 page is a page a reader sees.
 */
export function htmlPages(distDir: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".html")) {
        const parts = relative(distDir, path).split(sep);
        pages.push(entry.name === "index.html" ? "/" + parts.slice(0, -1).map((s) => `${s}/`).join("") : "/" + parts.join("/"));
      }
    }
  };
  walk(distDir);
  return pages.sort();
}

/** The built file of a page path. */
export function pageFile(distDir: string, path: string): string {
  return path.endsWith("/") ? join(distDir, ...path.split("/").filter(Boolean), "index.html") : join(distDir, ...path.split("/").filter(Boolean));
}

/**
 * The template a page is built from, read from its path: "/" and "/articles/" are types of their own,
 * while "/articles/x/" and "/articles/y/" share one type, written with a star for the slug.
 */
export function pageType(path: string): string {
  const parts = path.split("/").filter(Boolean);
  if (parts.length <= 1) return path;
  return `/${parts[0]}/${parts.slice(1).map(() => "*").join("/")}${path.endsWith("/") ? "/" : ""}`;
}

/** Pages grouped by type, in path order. */
export function pagesByType(paths: string[]): Map<string, string[]> {
  const types = new Map<string, string[]>();
  for (const p of paths) types.set(pageType(p), [...(types.get(pageType(p)) ?? []), p]);
  return types;
}

/** Up to `n` items spread evenly over a list, first and last included. */
export function spread<T>(list: T[], n: number): T[] {
  if (list.length <= n) return [...list];
  if (n <= 1) return list.slice(0, 1);
  const picked = new Set<number>();
  for (let i = 0; i < n; i++) picked.add(Math.round((i * (list.length - 1)) / (n - 1)));
  return [...picked].sort((a, b) => a - b).map((i) => list[i]!);
}

/**
 * Opens a page in a fresh tab of a shared context (contexts are reused: creating one costs far
 * more than a tab) and records what a reader's browser would complain about. `before` runs once the
 * tab exists, before navigation (e.g. to listen for dialogs the page opens while loading).
 */
export async function open(context: BrowserContext, url: string, before?: (page: Page) => void): Promise<{ page: Page; report: PageReport }> {
  const page = await context.newPage();
  const report = watch(page, url);
  await listenForCsp(page);
  before?.(page);
  await page.goto(url, { waitUntil: "load" });
  return { page, report };
}

/** Width of the document beyond the viewport, in CSS pixels (0 = no horizontal scroll). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth);
}

/**
 * The elements that stick out of the viewport on the right, innermost first (an element counts only
 * when none of its children sticks out too): what to fix when a page scrolls sideways.
 */
export function overflowingElements(page: Page, max = 3): Promise<string[]> {
  return page.evaluate((max) => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    const sticksOut = (e: Element) => e.getBoundingClientRect().right > width + 0.5;
    for (const el of document.querySelectorAll("body *")) {
      if (!sticksOut(el) || [...el.children].some(sticksOut)) continue;
      const cls = typeof el.className === "string" && el.className.trim() ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
      const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 30);
      out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${cls}${text ? ` « ${text} »` : ""} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`);
      if (out.length >= max) break;
    }
    return out;
  }, max);
}

/** Charts drawn without JavaScript: every figure.chart and the height of its tallest <svg>. */
export function chartHeights(page: Page): Promise<{ id: string; height: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("figure.chart")].map((f, i) => ({
      id: f.id || `figure.chart #${i + 1}`,
      height: Math.max(0, ...[...f.querySelectorAll("svg")].map((s) => s.getBoundingClientRect().height))
    }))
  );
}

/** Figures whose drawing has no accessible name: an <svg> with role img (a picture) or group (a map with links), named. */
export function unnamedCharts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("figure.chart")]
      .filter((f) => ![...f.querySelectorAll("svg[role=img], svg[role=group]")].some((s) => (s.getAttribute("aria-label") ?? "").trim() || (s.getAttribute("aria-labelledby") ?? "").trim()))
      .map((f, i) => f.id || `figure.chart #${i + 1}`)
  );
}

export interface FocusResult {
  /** Tab stops reached before focus left the document or came back to the first one. */
  stops: number;
  /** Tab stops whose focus style was compared. */
  checked: number;
  /** Elements whose outline and box-shadow look the same focused and unfocused. */
  invisible: string[];
}

/**
 * Tabs through the page as a keyboard user does. At up to `sample` tab stops spread over the page,
 * compares the element's computed outline and box-shadow while focused with the same element once
 * blurred (blurring keeps Chromium's sequential-navigation starting point, so the next Tab goes on).
 * Transitions are switched off so the focused style is read in its final state.
 */
export async function checkVisibleFocus(page: Page, sample = 25, maxStops = 600): Promise<FocusResult> {
  // A constructed style sheet, not a <style> tag: the site's policy refuses inline styles it did not write.
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync("*,*::before,*::after{transition:none!important;animation:none!important}");
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  const total = await page.evaluate(
    () =>
      [...document.querySelectorAll<HTMLElement>("a[href],area[href],button,input,select,textarea,summary,iframe,[tabindex],[contenteditable]")].filter(
        (e) => e.tabIndex >= 0 && !(e as HTMLInputElement).disabled && e.getClientRects().length > 0
      ).length
  );
  const stride = Math.max(1, Math.ceil(total / sample));
  const result: FocusResult = { stops: 0, checked: 0, invisible: [] };
  let first: string | undefined;
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press("Tab");
    const check = i % stride === 0;
    const step = await page.evaluate((check) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body || el === document.documentElement) return { end: true, id: "", ok: true, what: "" };
      if (!el.dataset.soTab) el.dataset.soTab = String(document.querySelectorAll("[data-so-tab]").length + 1);
      const what = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.trim().split(/\s+/).join(".")}` : ""} « ${(el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40)} »`;
      if (!check || el.tagName === "IFRAME") return { end: false, id: el.dataset.soTab, ok: true, what };
      const style = () => {
        const s = getComputedStyle(el);
        const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 && !/rgba\(.*,\s*0\)$|transparent/.test(s.outlineColor);
        return { key: `${outline ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} ${s.outlineOffset}` : "no outline"} | ${s.boxShadow}`, shows: outline || s.boxShadow !== "none" };
      };
      const focused = style();
      el.blur();
      const unfocused = style();
      return { end: false, id: el.dataset.soTab, ok: focused.shows && focused.key !== unfocused.key, what };
    }, check);
    if (step.end || step.id === first) break;
    first ??= step.id;
    result.stops++;
    if (check) {
      result.checked++;
      if (!step.ok) result.invisible.push(step.what);
    }
  }
  return result;
}
