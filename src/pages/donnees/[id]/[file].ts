import type { APIRoute } from "astro";
import { excelCsv, exportLookups, exportTable } from "../../../lib/csv-export.ts";
import { datasetPackage } from "../../../lib/datapackage.ts";
import { datasetCsvBytes, datasetJson } from "../../../lib/dataset-files.ts";
import { siteOf } from "../../../lib/embed.ts";
import { getSite } from "../../../site/site.ts";

/**
 * /donnees/<id>/<id>.csv (the file of data/, byte for byte, the Data Package's resource),
 * /donnees/<id>/<id>-excel.csv (French Excel: `;`, decimal comma, BOM, labels beside codes, one unit per
 * value column, src/lib/csv-export.ts), /donnees/<id>/<id>.json (typed rows + metadata)
 * and /donnees/<id>/datapackage.json (Frictionless Data Package describing the CSV beside it).
 */
export function getStaticPaths() {
  return [...getSite().catalogue.datasets.keys()].flatMap((id) => [
    { params: { id, file: `${id}.csv` } },
    { params: { id, file: `${id}-excel.csv` } },
    { params: { id, file: `${id}.json` } },
    { params: { id, file: "datapackage.json" } }
  ]);
}

export const GET: APIRoute = ({ params, site }) => {
  const { catalogue } = getSite();
  const id = String(params.id);
  const dataset = catalogue.datasets.get(id)!;
  const json = { headers: { "content-type": "application/json; charset=utf-8" } };
  if (params.file === "datapackage.json") return new Response(JSON.stringify(datasetPackage(dataset, catalogue, siteOf(site)), null, 2), json);
  if (params.file === `${id}-excel.csv`) return new Response(excelCsv(exportTable(dataset.rows, dataset, exportLookups(catalogue))), { headers: { "content-type": "text/csv; charset=utf-8" } });
  if (String(params.file).endsWith(".csv")) return new Response(new Uint8Array(datasetCsvBytes(catalogue, id)), { headers: { "content-type": "text/csv; charset=utf-8" } });
  return new Response(datasetJson(dataset, catalogue), json);
};
