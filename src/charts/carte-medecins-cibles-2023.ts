import { doctorsMap } from "./carte-medecins.ts";

export default doctorsMap("carte-medecins-cibles-2023", "2023", "Campagne 2023 : les médecins visés, département par département, quand un chiffre a été publié", {
  reviewedRows: "9939eb931cfd"
});
