import { inject } from "vitest";

/** The site built by the global setup; throws the build's own report if it could not be built. */
export function builtSite(): { distDir: string; siteUrl: string } {
  const error = inject("buildError");
  if (error) throw new Error(`the site could not be built:\n${error}`);
  return { distDir: inject("distDir"), siteUrl: inject("siteUrl") };
}
