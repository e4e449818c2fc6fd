import { doctorsMap } from "./carte-medecins.ts";

/** The most recent campaign (2025-2026). */
export default doctorsMap("carte-medecins-cibles", "2025-2026", "Campagne 2025-2026 : les médecins visés, département par département, quand un chiffre a été publié", {
  reviewedRows: "0dddccace4d1"
});
