import type { Classes } from "./classes.ts";

/** What a départemental map is given to draw: values by département, legend words, frames. */

export interface MapValue {
  code: string;
  /** Lowest and highest reading: equal unless sources disagree. */
  min: number;
  max: number;
  /** The value as printed: « 13 médecins », « 12,2–12,8 jours ». */
  text: string;
  /** Tooltip lines under the value: what, when, which source. */
  details: string[];
  /** Appended to the label on the map (« * » for a partial count), explained by the map's footnote. */
  mark?: string;
  /** Year(s) the value refers to, for the table under the map. */
  year?: string;
  /** Sources of the value (ids of data/sources/), for the table under the map. */
  sourceIds?: string[];
  /** Line of the official file the value comes from (derived datasets): the year control's tooltips name it. */
  line?: number;
  /** The lines it is computed from, as the table under the map writes them, when more than `line`. */
  lineText?: string;
}

/**
 * A map with a control (the year): the current frame is drawn, every frame rides along as compact data
 * (values and raw lines, no geometry) that src/components/MapFrames.astro recolours the same drawing from.
 */
export interface MapFrames {
  /** What changes from frame to frame (« Année »); also the URL parameter, lowercased (?annee=2019). */
  label: string;
  param: string;
  keys: string[];
  current: string;
  unit: string;
  digits: number;
  /** Tooltip line under the value, followed by the frame key (« Part des IJ dans les prescriptions, 2019 »). */
  heading: string;
  /** Provenance, followed by the value's line number (« Source : Cnam (data.ameli.fr), ligne »). */
  source: string;
  /** By département code, frame by frame: value (null = n.d.) and raw line. */
  values: Record<string, (number | null)[]>;
  lines: Record<string, (number | null)[]>;
}

export interface MapOptions {
  id: string;
  /** The chart's title and text alternative: the <svg> names and describes itself. */
  title?: string;
  alt?: string;
  values: MapValue[];
  /** Legend heading: what is measured, its unit, year, campaign or scope. */
  legendTitle: string;
  /** Legend lines under the classes: how to read a mark, a choice made when drawing. */
  footnotes?: string[];
  /** What « n.d. » means on this map: « sans donnée », « aucun événement local recensé ». */
  missing: string;
  /** Tooltip line for a département without a value. */
  missingDetail: string;
  /** Values printed on the map; by default when few départements have one. */
  labels?: boolean;
  /** Colour classes fixed by the caller (e.g. over every year of a map with a year control). */
  classes?: Classes;
  frames?: MapFrames;
}
