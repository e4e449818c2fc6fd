/**
 * Script-injection attempts, as a hostile or careless contributor could type them into the files the
 * site is built from. Every payload that could run sets window.__pwned to its own number (and most
 * also open a dialog), so a failing test says which one got through.
 */

/** Marker present in every payload: pages carrying one are the pages to attack in the browser. */
export const MARK = "__pwned";

/** In a text cell or a title: HTML that would run if it reached the page as markup. */
export const HTML_PAYLOADS = [
  `<script>window.__pwned=1;alert(1)</script>`,
  `<img src=x onerror="window.__pwned=2;alert(2)">`,
  `<svg onload=window.__pwned=3><circle r=1 /></svg>`,
  `" onmouseover="window.__pwned=4" autofocus onfocus="window.__pwned=4" x="`,
  `' onmouseover='window.__pwned=5' x='`,
  `</textarea></title></style></script><script>window.__pwned=6</script>`,
  `<a href="javascript:window.__pwned=7">lien</a>`,
  `<iframe src="javascript:window.__pwned=8"></iframe>`,
  `&lt;script&gt;window.__pwned=9&lt;/script&gt; &#60;img src=x onerror=window.__pwned=9&#62;`,
  `<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=10>`,
  `javascript:window.__pwned=11`
];

/** A short one-line version, for fields that must stay short or single-line. */
export const short = (i: number) => HTML_PAYLOADS[i % HTML_PAYLOADS.length]!;

/**
 * Markdown body: raw HTML, links and images with script URLs written every way the checker's
 * line-based guard does not see (reference definitions, entities, autolinks, titles). These must
 * pass the checker and render as text.
 */
export const MARKDOWN_BODY = `
Texte <script>window.__pwned=20;alert(20)</script> et <img src=x onerror="window.__pwned=21;alert(21)">.

<svg onload="window.__pwned=22"><circle r="1"/></svg>

<a href="javascript:window.__pwned=23">lien brut</a> <iframe src="javascript:window.__pwned=24"></iframe> <object data="javascript:window.__pwned=25"></object>

<style>body{background:url("javascript:window.__pwned=26")}</style> <base href="https://example.org/">

[lien par référence][piege] · [entité décimale](&#106;avascript:window.__pwned=27) · [entité hexadécimale](java&#x73;cript:window.__pwned=28) · [tabulation](java&#9;script:window.__pwned=29)

[piege]: javascript:window.__pwned=30

<javascript:window.__pwned=31> · <https://example.org/"onmouseover="window.__pwned=32> · <vbscript:window.__pwned=33>

[titre piégé](https://example.org/ "\\" onmouseover=\\"window.__pwned=34") · ![image piégée" onerror="window.__pwned=35](https://example.org/x.png" onerror="window.__pwned=35)

![image par référence][image-piege]

[image-piege]: javascript:window.__pwned=36

&lt;script&gt;window.__pwned=37&lt;/script&gt; &#60;script&#62;window.__pwned=38&#60;/script&#62; \\<script>window.__pwned=39\\</script>

\`<script>window.__pwned=40</script>\` et un bloc :

\`\`\`html
<script>window.__pwned=41</script>
\`\`\`

\`\`\`chart
so-pwned
\`\`\`

Terme piégé : PWNEDTERM.
`;

/**
 * Script URLs written the direct way: the checker must refuse them before any build
 * (they are not in the built corpus, which has to pass the checker).
 */
export const REFUSED_MARKDOWN_LINKS = [
  "[x](javascript:alert(1))",
  "[x]( JavaScript:alert(1))",
  "[x](<javascript:alert(1)>)",
  "[x](vbscript:msgbox(1))",
  "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  "[x](data:text/html,<script>alert(1)</script>)",
  "[x](file:///etc/passwd)"
];
