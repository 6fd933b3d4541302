/** A dependency-free SVG line chart: latency (ms, log scale) against page size. */
export interface Series {
  name: string;
  color: string;
  points: Array<[x: number, y: number]>;
}

export function lineChartSvg(
  title: string,
  xLabel: string,
  yLabel: string,
  series: Series[],
): string {
  const W = 720;
  const H = 420;
  const M = { l: 70, r: 170, t: 40, b: 50 };
  const xs = series.flatMap((s) => s.points.map(([x]) => x));
  const ys = series.flatMap((s) => s.points.map(([, y]) => y)).filter((y) => y > 0);
  const xMax = Math.max(...xs);
  const yMin = Math.pow(10, Math.floor(Math.log10(Math.min(...ys))));
  const yMax = Math.pow(10, Math.ceil(Math.log10(Math.max(...ys))));
  const px = (x: number) => M.l + (x / xMax) * (W - M.l - M.r);
  const py = (y: number) =>
    H -
    M.b -
    ((Math.log10(y) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * (H - M.t - M.b);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2 - 60}" y="22" font-size="15">${title}</text>`,
    `<line x1="${M.l}" y1="${H - M.b}" x2="${W - M.r}" y2="${H - M.b}" stroke="black"/>`,
    `<line x1="${M.l}" y1="${M.t}" x2="${M.l}" y2="${H - M.b}" stroke="black"/>`,
    `<text x="${(M.l + W - M.r) / 2 - 30}" y="${H - 12}">${xLabel}</text>`,
    `<text x="14" y="${(M.t + H - M.b) / 2}" transform="rotate(-90 14 ${(M.t + H - M.b) / 2})">${yLabel}</text>`,
  ];
  for (let d = yMin; d <= yMax; d *= 10) {
    parts.push(`<line x1="${M.l}" y1="${py(d)}" x2="${W - M.r}" y2="${py(d)}" stroke="#ddd"/>`);
    parts.push(
      `<text x="${M.l - 8}" y="${py(d) + 4}" text-anchor="end">${d >= 1 ? d : d.toPrecision(1)}</text>`,
    );
  }
  for (const x of [...new Set(xs)].sort((a, b) => a - b)) {
    parts.push(`<text x="${px(x)}" y="${H - M.b + 16}" text-anchor="middle">${x}</text>`);
  }
  series.forEach((s, i) => {
    const pts = s.points.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ');
    parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${pts}"/>`);
    for (const [x, y] of s.points)
      parts.push(`<circle cx="${px(x)}" cy="${py(y)}" r="3" fill="${s.color}"/>`);
    parts.push(
      `<rect x="${W - M.r + 15}" y="${M.t + i * 22}" width="14" height="4" fill="${s.color}"/>`,
    );
    parts.push(`<text x="${W - M.r + 35}" y="${M.t + i * 22 + 6}">${s.name}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
