/**
 * Okabe and Ito's eight colours ("Color Universal Design", 2008): told apart with the common
 * colour-vision deficiencies. Ordered so that the first five, the ones a chart of a handful of
 * series uses, are the darker and the more distinct; yellow, nearly invisible as a thin line on
 * white, comes late.
 */
export const OKABE_ITO = [
  "#0072B2", // blue
  "#D55E00", // vermillion
  "#009E73", // bluish green
  "#CC79A7", // reddish purple
  "#E69F00", // orange
  "#56B4E9", // sky blue
  "#F0E442", // yellow
  "#000000", // black
] as const;

/** Series that are context, not the subject: drawn behind the coloured ones. */
export const CONTEXT_GREY = "#9ca3af";

/** A colour with an opacity, for bands and fills: "#0072B2" → "rgba(0, 114, 178, 0.2)". */
export function alpha(hex: string, a: number): string {
  const [r, g, b] = rgb(hex);
  return `rgba(${r}, ${g}, ${b}, ${a})`;
}

/**
 * The colour darkened just enough to read as text on white (4.5:1, WCAG AA): several of the
 * palette's colours are fine as lines but too light for a label in their own colour.
 */
export function textColour(hex: string): string {
  let [r, g, b] = rgb(hex);
  for (let i = 0; i < 20 && contrastOnWhite(r, g, b) < 4.5; i++) [r, g, b] = [r * 0.92, g * 0.92, b * 0.92];
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function contrastOnWhite(r: number, g: number, b: number): number {
  const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 1.05 / (0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b) + 0.05);
}
