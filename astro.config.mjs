// @ts-check
import { defineConfig } from "astro/config";
import { BASE_PATH } from "./src/lib/routes.ts";

// Static site, no client framework. The build script may redirect the output (SO_OUT_DIR) so that a
// failed build never replaces the dist/ being served. The base path (SO_BASE_PATH) is read and checked by
// src/lib/routes.ts, the one module that knows it.
export default defineConfig({
  site: process.env.SO_SITE_URL ?? "https://sous-objectif.fr",
  base: BASE_PATH,
  output: "static",
  outDir: process.env.SO_OUT_DIR ?? "./dist",
  cacheDir: process.env.SO_CACHE_DIR ?? "./node_modules/.astro",
  trailingSlash: "always",
  build: { format: "directory", inlineStylesheets: "always" },
  devToolbar: { enabled: false }
});
