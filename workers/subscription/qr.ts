import { encode } from "uqr";
import { toBase64 } from "../lib/base64";

/** The QR matrix (uqr), dark modules as 1s. */
function matrix(text: string) {
  return encode(text, { ecc: "M", border: 2 });
}

/**
 * A QR code as a small SVG: one path of horizontal runs rather than a rect per module. Used for
 * the subscription link, the one QR every visitor needs.
 */
export function qrSvg(text: string, label: string): string {
  const { data, size } = matrix(text);
  let path = "";
  data.forEach((row, y) => {
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue;
      let run = 1;
      while (x + run < size && row[x + run]) run++;
      path += `M${x} ${y}h${run}v1h-${run}z`;
      x += run - 1;
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" aria-label="${label}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

/**
 * A QR code packed for the page's script to draw on demand: `<size>:<base64 of the modules as
 * bits, row by row>`. About 1 KB for a long share link, where an SVG would be ten times that.
 */
export function qrBits(text: string): string {
  const { data, size } = matrix(text);
  const bytes = new Uint8Array(Math.ceil((size * size) / 8));
  for (const [y, row] of data.entries()) {
    for (const [x, dark] of row.entries()) {
      if (!dark) continue;
      const i = y * size + x;
      bytes[i >> 3]! |= 0x80 >> (i & 7);
    }
  }
  return `${size}:${toBase64(bytes)}`;
}
