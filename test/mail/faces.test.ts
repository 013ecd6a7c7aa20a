import { inflateSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { FACE_COLOURS, facePng, SCORES } from "../../src/mail/faces";
import { encodePng } from "../../src/mail/png";

/** Decodes our own PNGs (filter 0 rows only) back to RGBA to look at pixels. */
function decode(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idatLength = png.readUInt32BE(33);
  expect(png.subarray(37, 41).toString("latin1")).toBe("IDAT");
  const raw = inflateSync(png.subarray(41, 41 + idatLength));
  const pixel = (x: number, y: number) => {
    const i = y * (width * 4 + 1) + 1 + x * 4;
    return [...raw.subarray(i, i + 4)];
  };
  return { width, height, pixel };
}

describe("PNG encoder", () => {
  test("round-trips a 2 × 1 image", () => {
    const png = encodePng(2, 1, new Uint8Array([255, 0, 0, 255, 0, 0, 255, 128]));
    const img = decode(png);
    expect([img.width, img.height]).toEqual([2, 1]);
    expect(img.pixel(0, 0)).toEqual([255, 0, 0, 255]);
    expect(img.pixel(1, 0)).toEqual([0, 0, 255, 128]);
  });
  test("refuses a buffer of the wrong size", () => {
    expect(() => encodePng(2, 2, new Uint8Array(4))).toThrow(RangeError);
  });
});

describe("faces", () => {
  test.each(SCORES)("face %i is 40 × 40, transparent in the corners, its colour on the cheek", (score) => {
    const img = decode(facePng(score));
    expect([img.width, img.height]).toEqual([40, 40]);
    expect(img.pixel(0, 0)[3]).toBe(0);
    expect(img.pixel(8, 22)).toEqual([...FACE_COLOURS[score], 255]);
    // An eye is dark.
    expect(
      img
        .pixel(13, 15)
        .slice(0, 3)
        .every((c) => c < 40),
    ).toBe(true);
  });
  test("the mouth smiles for 5 and frowns for 1", () => {
    const dark = (score: 1 | 5, y: number) =>
      decode(facePng(score))
        .pixel(20, y)
        .slice(0, 3)
        .every((c) => c < 40);
    // Smile: the middle of the mouth is low (y ≈ 29.5); frown: high (y ≈ 24.5).
    expect(dark(5, 29)).toBe(true);
    expect(dark(5, 24)).toBe(false);
    expect(dark(1, 24)).toBe(true);
    expect(dark(1, 29)).toBe(false);
  });
});
