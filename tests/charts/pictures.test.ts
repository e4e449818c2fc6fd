import { describe, expect, it } from "vitest";
import { ARTICLE_DRAWING_WIDTH, articlePicture, MIN_TEXT, pictureChart, PRESETS, socialPicture } from "../../src/charts/picture.ts";
import { loadSite } from "../../src/site/site.ts";
import { PNG_PICTURE } from "../../scripts/png.ts";
import { drawingWidths, textSizes } from "./picture-measure.ts";

/**
 * Images that read where they land (issue 13): every chart's « article 600 px » picture, measured in the
 * SVG that is rasterised, has no text under 12 px at 1× and a drawing at least 90 % of the picture's width;
 * its « réseaux 1 200×630 » card keeps a headline of at least 19 px at 1× (38 px in the image), and a
 * chart drawn on the card (maps aside, which go beside the headline) keeps its 12 px and the card's width.
 */
const site = loadSite();
const SLACK = 0.01;

describe("« article 600 px » picture of every chart", () => {
  for (const chart of site.charts.values()) {
    it(chart.spec.id, () => {
      const picture = articlePicture(pictureChart(chart, site.catalogue, ARTICLE_DRAWING_WIDTH), "Source : test.", "https://sous-objectif.fr/", PNG_PICTURE);
      expect(picture.width).toBe(PRESETS.article.width);
      const small = textSizes(picture.svg).filter((t) => t.size < MIN_TEXT - SLACK);
      expect(small).toEqual([]);
      expect(Math.max(...drawingWidths(picture.svg))).toBeGreaterThanOrEqual(0.9 * picture.width);
    });
  }
});

describe("« réseaux 1 200×630 » card of every chart", () => {
  for (const chart of site.charts.values()) {
    it(chart.spec.id, () => {
      const card = socialPicture(
        pictureChart(chart, site.catalogue, ARTICLE_DRAWING_WIDTH),
        (w, h) => pictureChart(chart, site.catalogue, w, h),
        `Graphique : Sous objectif · sources et données : sous-objectif.fr/graphiques/${chart.spec.id}/`,
        PNG_PICTURE
      );
      expect([card.width * card.scale, card.height * card.scale]).toEqual([1200, 630]);
      const texts = textSizes(card.svg);
      const headline = texts.filter((t) => chart.spec.title.includes(t.text.replace(/\u00a0…$/, "")) && t.size >= 19);
      expect(headline.map((t) => t.text).join(" ")).toBe(chart.spec.title);
      expect(card.svg).not.toMatch(/\bet 1 autres\b/);
      if (chart.spec.kind === "map") return;
      expect(texts.filter((t) => t.size < MIN_TEXT - SLACK)).toEqual([]);
      expect(Math.max(...drawingWidths(card.svg))).toBeGreaterThanOrEqual(0.9 * card.width);
    });
  }
});
