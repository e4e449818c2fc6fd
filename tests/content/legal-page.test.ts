import { readFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { routes } from "../../src/lib/routes.ts";
import { loadSiteConfig } from "../../src/lib/site-config.ts";
import { htmlPages, pageFile } from "../browser/lib.ts";
import { builtSite } from "../setup/site.ts";

const { distDir } = builtSite();
const read = (path: string) => parseHTML(readFileSync(pageFile(distDir, path), "utf8")).document;

describe("/mentions-legales/", () => {
  it("shows what content/site.yaml holds, and names every item not yet filled in", () => {
    const { config, missing } = loadSiteConfig();
    const doc = read(routes.legal());
    expect(doc.querySelector("h1")?.textContent).toBe("Mentions légales");
    const listed = [...doc.querySelectorAll("[data-missing]")].map((li) => li.getAttribute("data-missing"));
    expect(listed).toEqual(missing.map((m) => m.key));
    if (missing.length > 0) expect(doc.querySelector(".legal__missing")?.textContent).toMatch(/Ces mentions sont incomplètes/);
    for (const dd of doc.querySelectorAll("dd[data-item]")) {
      const key = dd.getAttribute("data-item")!;
      const empty = missing.some((m) => m.key === key);
      expect(dd.textContent?.trim(), key).toBe(empty ? "non renseigné" : (key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], config) as string));
    }
    const contact = doc.querySelector("[data-item=contact] a[href^='mailto:']");
    expect(contact?.getAttribute("href") ?? null).toBe(config.contact ? `mailto:${config.contact}` : null);
  });

  it("is linked from the footer of every page that has one", () => {
    const footers = htmlPages(distDir)
      .map((p) => ({ p, footer: readFileSync(pageFile(distDir, p), "utf8").match(/<footer class="site-footer"[\s\S]*?<\/footer>/)?.[0] }))
      .filter((f) => f.footer !== undefined);
    expect(footers.length).toBeGreaterThan(50);
    const unlinked = footers.filter((f) => !f.footer!.includes(`href="${routes.legal()}"`)).map((f) => f.p);
    expect(unlinked).toEqual([]);
  });
});
