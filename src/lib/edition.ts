/**
 * The date up to which the site's information runs. The stored sources the dossiers rest on stop
 * at the end of February 2026: later events (the decree capping sick-leave duration, the fate of
 * the anti-fraud bill, the outcome of the 2025-2026 MSO campaign) are not covered. Said once here,
 * shown on the home page and on every dossier.
 */
export const INFORMATION_CUTOFF = "2026-02-28";
