import { existsSync, readFileSync } from "node:fs";
import { htmlPages } from "../browser/lib.ts";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Debian's Chromium, with the flags this sandbox needs (no downloads, no background network). */
export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (see .ci/run)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"]
  });
}

/** Every page of a built site served as a directory, as URL paths ("/", "/articles/x/"). */
export function builtPages(distDir: string): string[] {
  return htmlPages(distDir).filter((p) => p.endsWith("/"));
}

export interface PageReport {
  /** Console errors and uncaught exceptions, Content-Security-Policy violations included (see CSP_LISTENER). */
  consoleErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
}

/**
 * Reports every Content-Security-Policy violation of a document (any frame) as a console error starting
 * with "securitypolicyviolation:", besides Chromium's own « Refused to … » message: a page the policy
 * breaks fails the same checks as a page that throws. Installed before navigation (listenForCsp).
 */
export const CSP_LISTENER = `addEventListener("securitypolicyviolation", function (e) { console.error("securitypolicyviolation: " + e.effectiveDirective + " blocked " + (e.blockedURI || "inline") + " in " + e.documentURI + (e.sample ? " « " + e.sample + " »" : "")); }, true);`;

/** Console messages that report a Content-Security-Policy violation (the listener's and Chromium's own). */
export function isCspMessage(text: string): boolean {
  return /^securitypolicyviolation:|Content Security Policy/.test(text);
}

/** Makes every document the page (or context) loads report its CSP violations to the console. */
export async function listenForCsp(target: Page | BrowserContext): Promise<void> {
  await target.addInitScript(CSP_LISTENER);
}

/** Records on a page what a reader's browser would complain about: errors, failed and foreign requests. */
export function watch(page: Page, url: string): PageReport {
  const report: PageReport = { consoleErrors: [], failedRequests: [], foreignRequests: [] };
  const origin = new URL(url).origin;
  page.on("console", (m) => m.type() === "error" && report.consoleErrors.push(m.text()));
  page.on("pageerror", (e) => report.consoleErrors.push(e.message));
  page.on("requestfailed", (r) => report.failedRequests.push(`${r.url()} (${r.failure()?.errorText})`));
  page.on("response", (r) => r.status() >= 400 && report.failedRequests.push(`${r.url()} (${r.status()})`));
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.protocol.startsWith("http") && u.origin !== origin) report.foreignRequests.push(r.url());
  });
  return report;
}

/** Opens a page and records what a reader's browser would complain about. */
export async function visit(page: Page, url: string): Promise<PageReport> {
  const report = watch(page, url);
  await listenForCsp(page);
  await page.goto(url, { waitUntil: "load" });
  return report;
}

const AXE_SOURCE = readFileSync(join(import.meta.dirname, "..", "..", "node_modules", "axe-core", "axe.min.js"), "utf8");

/**
 * axe-core violations (WCAG 2.0/2.1/2.2 A and AA), as "rule: target" lines. axe is evaluated by the
 * test driver, not added as an inline <script>: the site's policy would (rightly) refuse that.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  });
  return violations;
}
