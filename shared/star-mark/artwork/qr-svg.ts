/**
 * A QR symbol as SVG geometry. The matrix comes from whoever computed it (the qrcode package on the server); drawing
 * it is plain string work, one path of horizontal runs, with the 4-module quiet zone the standard requires.
 */
export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  isDark(row: number, col: number): boolean;
}

export const QUIET_ZONE = 4;

/** A path drawing the dark modules of `matrix` in a square of `side` units at (x, y), quiet zone included. */
export function qrPath(matrix: QrMatrix, x: number, y: number, side: number): string {
  const unit = side / (matrix.size + 2 * QUIET_ZONE);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const runs: string[] = [];
  for (let row = 0; row < matrix.size; row++) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.isDark(row, col)) col++;
      const left = round(x + (start + QUIET_ZONE) * unit);
      const top = round(y + (row + QUIET_ZONE) * unit);
      runs.push(`M${left} ${top}h${round((col - start) * unit)}v${round(unit)}h${round(-(col - start) * unit)}z`);
    }
  }
  return runs.join('');
}

/** A standalone SVG of the symbol alone (for an `<img>` data URI or an inline figure). */
export function qrSvg(matrix: QrMatrix, title: string): string {
  const side = matrix.size + 2 * QUIET_ZONE;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" width="${side * 4}" height="${side * 4}" shape-rendering="crispEdges" role="img">` +
    `<title>${title}</title><rect width="${side}" height="${side}" fill="#fff"/>` +
    `<path fill="#000" d="${qrPath(matrix, 0, 0, side)}"/></svg>`
  );
}
