import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { buildSite } from "../../scripts/build.ts";
import { serveStatic } from "../../scripts/static-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Folder of the site built for this test run. */
    distDir: string;
    /** Base URL where that site is served. */
    siteUrl: string;
    /** Why the build failed, if it did: site tests fail with it, unit tests still run. */
    buildError: string;
  }
}

const ROOT = resolve(import.meta.dirname, "..", "..");
let server: Server | undefined;

/**
 * Builds the real site once for the whole run (as `npm run build` does, check included) and serves it
 * on a loopback port: the build test, the page tests and the browser suite all read this one build.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env.TZ = "Europe/Paris";
  mkdirSync(resolve(ROOT, ".build"), { recursive: true });
  const distDir = resolve(mkdtempSync(resolve(ROOT, ".build", "test-")), "dist");
  project.provide("buildError", "");
  if (process.env.SO_SKIP_BUILD) project.provide("buildError", "SO_SKIP_BUILD is set: the site was not built");
  else
    try {
      buildSite(ROOT, distDir);
    } catch (error) {
      project.provide("buildError", (error as Error).message);
    }
  server = await serveStatic(distDir, 0);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  project.provide("distDir", distDir);
  project.provide("siteUrl", `http://127.0.0.1:${port}`);
  return async () => {
    await new Promise((ok) => server?.close(ok));
    rmSync(resolve(distDir, ".."), { recursive: true, force: true });
  };
}
