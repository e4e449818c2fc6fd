/**
 * Départemental maps, one module per job: what a map is given (model), its colour classes, its drawing
 * and legend, the frames of a map with a year control, the sharing of outlines on a page of several maps,
 * the values of press observations, and the declaration of a map as a chart of the site.
 */
export { classify, classOf, roundSignificant, type Classes } from "./classes.ts";
export { defineMap, describeMap, isMap, mapFrameValues, mapHeading, mapValues } from "./define.ts";
export { mapSvg } from "./draw.ts";
export { mapFramesJson } from "./frames.ts";
export type { MapFrames, MapOptions, MapValue } from "./model.ts";
export { groupBy, observationValues, qualified, requireCatalogue, rowSource, type ObservationOptions } from "./observations.ts";
export type { MapSpec } from "./registry.ts";
export { shareGeometry } from "./share.ts";
