import type { APIRoute } from "astro";
import { excelCsv, exportLookups, exportTable, machineCsv } from "../../../lib/csv-export.ts";
import { getSite } from "../../../site/site.ts";

/**
 * /graphiques/<id>/<id>.csv (machine-readable: `,` and decimal point) and /graphiques/<id>/<id>-excel.csv
 * (French Excel: `;` and decimal comma): exactly the rows the chart draws, labels beside codes, one unit
 * per value column (src/lib/csv-export.ts), both UTF-8 with a BOM.
 */
export function getStaticPaths() {
  return [...getSite().charts.keys()].flatMap((id) => [{ params: { id, name: id } }, { params: { id, name: `${id}-excel` } }]);
}

export const GET: APIRoute = ({ params }) => {
  const site = getSite();
  const chart = site.charts.get(String(params.id))!;
  const dataset = site.catalogue.datasets.get(chart.spec.dataset)!;
  const table = exportTable(chart.rows, dataset, exportLookups(site.catalogue), chart.spec.columns);
  const text = String(params.name).endsWith("-excel") ? excelCsv(table) : machineCsv(table);
  return new Response(text, { headers: { "content-type": "text/csv; charset=utf-8" } });
};
