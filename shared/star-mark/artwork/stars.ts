/** Five-pointed stars as polygons: the level is drawn, not typed, so it prints the same with or without fonts. */
export function starPoints(cx: number, cy: number, outer: number, inner = outer * 0.382): string {
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push(`${(cx + r * Math.cos(angle)).toFixed(2)},${(cy + r * Math.sin(angle)).toFixed(2)}`);
  }
  return points.join(' ');
}

/** `count` stars centred on (cx, cy), `gap` apart. The compliant level has none. */
export function starRow(count: number, cx: number, cy: number, outer: number, gap: number, fill: string): string {
  const first = cx - ((count - 1) * gap) / 2;
  return Array.from(
    { length: count },
    (_, i) => `<polygon points="${starPoints(first + i * gap, cy, outer)}" fill="${fill}"/>`,
  ).join('');
}
