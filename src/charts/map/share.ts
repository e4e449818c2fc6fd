/**
 * A page that shows several maps (/carte/) need not repeat the same 101 outlines in each: the shapes are
 * defined once in a hidden SVG and each map refers to them with <use>, keeping its own fills, links and
 * titles. Works on the markup mapSvg writes (nothing else is touched); pictures, embeds and downloads keep
 * their own geometry so that each stands alone.
 */
export function shareGeometry(svgs: string[]): { defs: string; svgs: string[] } {
  const shapes = new Map<string, string>();
  const shared = svgs.map((svg) =>
    svg
      .replace(/(<a href="[^"]*" data-dep="([^"]+)"><title>[^<]*<\/title>)<path d="([^"]+)" fill="([^"]+)"\/>/g, (_, head: string, code: string, d: string, fill: string) => {
        shapes.set(`so-dep-${code}`, d);
        return `${head}<use href="#so-dep-${code}" fill="${fill}"/>`;
      })
      .replace(/<path data-dep="([^"]+)" d="([^"]+)" fill="([^"]+)">(<title>[^<]*<\/title>)<\/path>/g, (_, code: string, d: string, fill: string, title: string) => {
        shapes.set(`so-depz-${code}`, d);
        return `<use data-dep="${code}" href="#so-depz-${code}" fill="${fill}">${title}</use>`;
      })
  );
  const defs = `<svg class="so-carte-geo" width="0" height="0" aria-hidden="true" focusable="false" style="position:absolute"><defs>${[...shapes].map(([id, d]) => `<path id="${id}" d="${d}"/>`).join("")}</defs></svg>`;
  return { defs, svgs: shared };
}
