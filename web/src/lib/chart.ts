/** Geometry for the traffic chart: points scaled into a width × height box, y growing downwards. */
export interface SeriesPoint {
  at: string;
  upload: number;
  download: number;
}

export function chartPaths(points: readonly SeriesPoint[], width: number, height: number) {
  const max = Math.max(1, ...points.flatMap((p) => [p.upload, p.download]));
  const step = points.length > 1 ? width / (points.length - 1) : 0;
  const x = (i: number) => Math.round(i * step * 10) / 10;
  const y = (v: number) => Math.round((height - (v / max) * height) * 10) / 10;
  const line = (pick: (p: SeriesPoint) => number) => points.map((p, i) => `${x(i)},${y(pick(p))}`).join(" ");
  const tickEvery = Math.max(1, Math.ceil(points.length / 6));
  const ticks = points.flatMap((p, i) => (i % tickEvery === 0 && i > 0 && i < points.length - 1 ? [{ at: p.at }] : []));
  return { max, upload: line((p) => p.upload), download: line((p) => p.download), ticks };
}
