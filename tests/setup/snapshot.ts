import { existsSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { expect } from "vitest";

/** Under CI (`.ci/run` exports CI=true), as Vitest reads it: any value but "", "0" or "false". */
export function underCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return !!env.CI && env.CI !== "0" && env.CI.toLowerCase() !== "false";
}

/**
 * Compares a text with its committed snapshot file. Locally a missing snapshot is written (review it,
 * commit it); under CI it fails, as Plot's suite does: a chart added without its snapshot, or a deleted
 * snapshot, must not pass by recording itself.
 */
export async function matchesSnapshotFile(text: string, file: string, testFile: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const path = isAbsolute(file) ? file : resolve(testFile, "..", file);
  if (underCi(env) && !existsSync(path)) throw new Error(`snapshot ${path} is missing: run the test locally without CI, review the file written, commit it`);
  await expect(text).toMatchFileSnapshot(path);
}
