import { encodePng } from "./png";

/*
 * The five faces of the CSAT scale as small PNG images, drawn in code at start-up. PNG
 * because Outlook desktop strips SVG and inline data: images; 40 × 40 pixels, red for 1
 * through to green for 5, with eyes and a mouth that goes from frown to smile so the scale
 * reads without colour too.
 */

export const FACE_SIZE = 40;
export type Score = 1 | 2 | 3 | 4 | 5;
export const SCORES: readonly Score[] = [1, 2, 3, 4, 5];

/** Fill colours (GOV.UK palette: red, orange, yellow, light green, green). */
export const FACE_COLOURS: Record<Score, [number, number, number]> = {
  1: [0xd4, 0x35, 0x1c],
  2: [0xf4, 0x77, 0x38],
  3: [0xff, 0xdd, 0x00],
  4: [0x85, 0x99, 0x4b],
  5: [0x00, 0x70, 0x3c],
};
const INK: [number, number, number] = [0x0b, 0x0c, 0x0c];
const OUTLINE: [number, number, number] = [0x50, 0x5a, 0x5f];

type Rgba = [number, number, number, number];

/** The colour of one point of face `score`, in pixel coordinates (0..40). */
function sample(score: Score, x: number, y: number): Rgba {
  const c = FACE_SIZE / 2;
  const r = Math.hypot(x - c, y - c);
  if (r > 19) return [0, 0, 0, 0];
  if (r > 18) return [...OUTLINE, 255];
  const eye = (ex: number) => Math.hypot(x - ex, y - 15) <= 2.8;
  if (eye(13.5) || eye(26.5)) return [...INK, 255];
  // Mouth: a parabola from x 12 to 28; curve −1 is a frown, +1 a smile.
  const curve = (score - 3) / 2;
  const t = (x - 20) / 8;
  if (Math.abs(t) <= 1) {
    const mouthY = 27 - 2.5 * curve + 5 * curve * (1 - t * t);
    if (Math.abs(y - mouthY) <= 1.4) return [...INK, 255];
  }
  return [...FACE_COLOURS[score], 255];
}

/** Draws one face with 4 × 4 supersampling so the edges are smooth. */
export function drawFace(score: Score): Buffer {
  const n = FACE_SIZE;
  const px = new Uint8Array(n * n * 4);
  const steps = 4;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < steps; sy++) {
        for (let sx = 0; sx < steps; sx++) {
          const [sr, sg, sb, sa] = sample(score, x + (sx + 0.5) / steps, y + (sy + 0.5) / steps);
          r += sr * sa;
          g += sg * sa;
          b += sb * sa;
          a += sa;
        }
      }
      const i = (y * n + x) * 4;
      if (a > 0) {
        px[i] = Math.round(r / a);
        px[i + 1] = Math.round(g / a);
        px[i + 2] = Math.round(b / a);
      }
      px[i + 3] = Math.round(a / (steps * steps));
    }
  }
  return encodePng(n, n, px);
}

let cache: Map<Score, Buffer> | undefined;

/** The five PNG files, drawn once per process. */
export function facePng(score: Score): Buffer {
  cache ??= new Map(SCORES.map((s) => [s, drawFace(s)]));
  return cache.get(score)!;
}

export function isScore(n: number): n is Score {
  return Number.isInteger(n) && n >= 1 && n <= 5;
}
