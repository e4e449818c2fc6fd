import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const JAR = resolve(import.meta.dirname, "..", "..", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

export interface VnuMessage {
  /** The page, relative to the checked folder (« graphiques/x/index.html »). */
  file: string;
  line: number;
  column: number;
  message: string;
  extract: string;
}

/**
 * Runs the Nu HTML Checker once over every .html file under `dir` (one JVM for the whole folder: a
 * JVM per page would cost minutes) and returns its errors. Warnings are not errors and are left out.
 * Needs Java 11+ (`java` on PATH, or JAVA_HOME); .ci/run installs Debian's default-jre-headless.
 */
export function vnuErrors(dir: string): VnuMessage[] {
  if (!existsSync(JAR)) throw new Error(`${JAR} is missing: npm ci installs it (devDependency vnu-jar)`);
  const java = process.env.JAVA_HOME ? resolve(process.env.JAVA_HOME, "bin", "java") : "java";
  // The HTML schema is deeply recursive: the default thread stack overflows on long pages.
  const run = spawnSync(java, ["-Xss4m", "-jar", JAR, "--errors-only", "--skip-non-html", "--format", "json", dir], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw new Error(`could not run Java (${run.error.message}): install a JRE, e.g. apt-get install -y default-jre-headless (see .ci/run)`);
  // vnu writes its JSON report to stderr and exits 1 when it found errors.
  const report = run.stderr.trim() || run.stdout.trim();
  let parsed: { messages: { type: string; subType?: string; url?: string; lastLine?: number; firstColumn?: number; lastColumn?: number; message: string; extract?: string }[] };
  try {
    parsed = JSON.parse(report);
  } catch {
    throw new Error(`the Nu HTML Checker did not produce a report (exit ${run.status}):\n${report.slice(0, 2000)}`);
  }
  return parsed.messages
    .filter((m) => m.type === "error" || m.type === "non-document-error")
    .map((m) => ({
      file: m.url ? relative(dir, fileURLToPath(m.url)) : "(checker)",
      line: m.lastLine ?? 0,
      column: m.firstColumn ?? m.lastColumn ?? 0,
      message: m.message,
      extract: (m.extract ?? "").replace(/\s+/g, " ").trim().slice(0, 120)
    }));
}

/** One line per error, « file:line:column message (extract) », grouped so that 118 copies of one error read as one problem. */
export function formatVnu(errors: VnuMessage[], max = 40): string {
  return errors
    .slice(0, max)
    .map((e) => `${e.file}:${e.line}:${e.column} ${e.message}${e.extract ? `  « ${e.extract} »` : ""}`)
    .join("\n") + (errors.length > max ? `\n… and ${errors.length - max} more` : "");
}
