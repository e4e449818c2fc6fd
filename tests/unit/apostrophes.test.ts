import { describe, expect, it } from "vitest";
import { curlyApostrophes } from "../../src/lib/apostrophes.ts";

describe("French apostrophes in built pages", () => {
  it("sets elisions in text with ’, raw or as Astro's entity", () => {
    expect(curlyApostrophes("<p>l'Assurance maladie, Val-d&#39;Oise, aujourd&#x27;hui</p>")).toBe("<p>l’Assurance maladie, Val-d’Oise, aujourd’hui</p>");
  });

  it("leaves attributes, scripts, styles, code and the snippets to copy as they are", () => {
    const untouched = [
      `<a href="/l'x/" title="l'Assurance" aria-label="d'abord">`,
      `<script>var s='l'+"a";document.title='l\\'x'</script>`,
      `<style>a::after{content:"d'x"}</style>`,
      `<code>it's</code>`,
      `<pre>l'x</pre>`,
      `<textarea readonly>title="Graphique : l'IJ"</textarea>`
    ].join("");
    expect(curlyApostrophes(untouched + "<p>l'essentiel</p>")).toBe(untouched + "<p>l’essentiel</p>");
  });

  it("leaves quotes that are not elisions: a word quoted in 'single quotes', a figure's '", () => {
    expect(curlyApostrophes("<p>le mot 'arrêt' , 5' </p>")).toBe("<p>le mot 'arrêt' , 5' </p>");
  });
});
