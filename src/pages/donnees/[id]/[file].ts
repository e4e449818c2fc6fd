import type { APIRoute } from "astro";
import { datasetCsvBytes, datasetJson } from "../../../lib/dataset-files.ts";
import { getSite } from "../../../lib/site.ts";

/** /donnees/<id>/<id>.csv (the file of data/, byte for byte) and /donnees/<id>/<id>.json (typed rows + metadata). */
export function getStaticPaths() {
  return [...getSite().catalogue.datasets.keys()].flatMap((id) => [{ params: { id, file: `${id}.csv` } }, { params: { id, file: `${id}.json` } }]);
}

export const GET: APIRoute = ({ params }) => {
  const { catalogue } = getSite();
  const id = String(params.id);
  const dataset = catalogue.datasets.get(id)!;
  if (String(params.file).endsWith(".csv")) return new Response(new Uint8Array(datasetCsvBytes(catalogue, id)), { headers: { "content-type": "text/csv; charset=utf-8" } });
  return new Response(datasetJson(dataset, catalogue), { headers: { "content-type": "application/json; charset=utf-8" } });
};
