import type { ChartSpec } from "./define.ts";
import ijRisques2023 from "./ij-risques-2023.ts";

/** Every chart of the site. Adding a chart: one module in this folder, one line here. */
export const charts: ChartSpec[] = [ijRisques2023];
