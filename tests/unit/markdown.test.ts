import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/lib/markdown.ts";
import { frenchTypography } from "../../src/lib/typography.ts";
import { formatDate, formatValue } from "../../src/lib/format.ts";

describe("renderMarkdown(source, env)", () => {
  it("never lets raw HTML through", () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });
  it("drops javascript: and data: links", () => {
    const html = renderMarkdown("[a](javascript:alert(1)) [b](data:text/html;base64,PHNjcmlwdD4=) [c](https://example.org/)");
    expect(html).not.toMatch(/href="(javascript|data):/);
    expect(html).toContain('href="https://example.org/"');
  });
  it("places a pre-rendered figure for a chart fence", () => {
    const html = renderMarkdown("```chart\nmon-graphique\n```", { figure: (id) => `<figure data-id="${id}"></figure>` });
    expect(html).toBe('<figure data-id="mon-graphique"></figure>');
  });
  it("renders other fences as code", () => {
    expect(renderMarkdown("```js\nx\n```")).toContain("<pre><code");
  });
  it("applies French quotes and spacing", () => {
    expect(renderMarkdown('Il dit "bonjour" : oui ?')).toBe("<p>Il dit «\u00a0bonjour\u00a0»\u00a0: oui\u202f?</p>\n");
  });
});

describe("frenchTypography(text)", () => {
  it("binds punctuation, quotes, units and thousands", () => {
    expect(frenchTypography("« Oui » ; 1 234 médecins, 33 % et 10,2 Md€ !")).toBe(
      "«\u00a0Oui\u00a0»\u202f; 1\u202f234 médecins, 33\u00a0% et 10,2\u00a0Md€\u202f!"
    );
  });
});

describe("French formats", () => {
  it("formats values with units and missing values", () => {
    expect(formatValue(10.2, "Md€")).toBe("10,2\u00a0Md€");
    expect(formatValue(1234)).toBe("1\u202f234");
    expect(formatValue(33, "%")).toBe("33\u202f%");
    expect(formatValue(null, "%")).toBe("n.d.");
  });
  it("formats partial dates", () => {
    expect(formatDate("2025-11-21")).toBe("21 novembre 2025");
    expect(formatDate("2025-09-01")).toBe("1er septembre 2025");
    expect(formatDate("2023-06")).toBe("juin 2023");
    expect(formatDate("2004")).toBe("2004");
  });
});
