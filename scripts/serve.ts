/**
 * `npm run serve`: serves dist/ on http://localhost:4321/ (PORT to change it) as a host would publish it:
 * under its base path, with the headers of dist/_headers, compressed, with ETag and 304s.
 * `npm run preview` first checks that dist/_headers means the same on Netlify and Cloudflare Pages.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHeadersFile, portabilityProblems, siteFiles } from "../src/lib/headers.ts";
import { withBase } from "../src/lib/routes.ts";
import { builtBasePath, serveStatic } from "./static-server.ts";

const dir = "dist";
const port = Number(process.env.PORT ?? 4321);
const base = builtBasePath(dir);
if (process.argv.includes("--preview")) {
  const file = join(dir, "_headers");
  if (!existsSync(file)) {
    console.error(`${file} introuvable : lancez d'abord npm run build.`);
    process.exit(1);
  }
  const rules = parseHeadersFile(readFileSync(file, "utf8"));
  const paths = siteFiles(dir).flatMap((f) => [withBase(f, base), ...(f.endsWith("/index.html") ? [withBase(f.slice(0, -"index.html".length), base)] : [])]);
  const problems = portabilityProblems(rules, paths);
  if (problems.length > 0) {
    console.error(`${file} : ${problems.length} problème(s) :\n${problems.join("\n")}`);
    process.exit(1);
  }
  console.log(`${file} : ${rules.length} règles, valables sur Netlify et Cloudflare Pages.`);
}
await serveStatic(dir, port, process.env.HOST ?? "127.0.0.1", base);
console.log(`Sous objectif est servi sur http://localhost:${port}${base} (Ctrl+C pour arrêter).`);
