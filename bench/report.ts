import { writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type as osType } from 'node:os';
import { join } from 'node:path';
import { lineChartSvg } from './chart';
import { markedSections } from './sections';
import type { LoadResult } from './load';
import type { ProxyFigures } from './run';
import type { Scale, Seeded } from './seed';

export interface BenchRow {
  scenario: string;
  concurrency: number | '-';
  r: LoadResult;
  /** SQL statements one request sent, counted at the pg client. */
  statements: number;
  note?: string;
}

export interface ChartSeries {
  joined: Array<[number, number]>;
  n1: Array<[number, number]>;
  raw: Array<[number, number]>;
}

interface ReportInput {
  rows: BenchRow[];
  chart: ChartSeries;
  scale: Scale;
  seeded: Seeded;
  pgVersion: string;
  serverKind: string;
  durationMs: number;
  shots: number;
  proxied: ProxyFigures | undefined;
  preFixIndexes: string[];
}

const ROOT = join(__dirname, '..', '..');

const fmt = (n: number | undefined) =>
  n === undefined || Number.isNaN(n) ? '-' : n < 10 ? n.toFixed(2) : n.toFixed(0);
const ratio = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0));

/** docs/BENCHMARKS.md and its chart, written only from the measured numbers of this run. */
export function writeReport(info: ReportInput): void {
  const { rows, seeded, proxied } = info;
  const find = (prefix: string, c: number | '-' = 1) =>
    rows.find((x) => x.scenario.startsWith(prefix) && x.concurrency === c);
  const p50 = (prefix: string, c: number | '-' = 1) => find(prefix, c)?.r.p50 ?? NaN;

  const long = `GET /api/trades?limit=100, ${seeded.longTrades.toLocaleString('en')} trades`;
  const short = `GET /api/trades?limit=100, ${seeded.shortTrades.toLocaleString('en')} trades`;
  const floor = p50('GET /api/health');
  const joined = p50(long);
  const rawPage = p50('raw page SQL');
  const list16 = find(long, 16)?.r;
  const health16 = find('GET /api/health', 16)?.r;
  const preFix = p50('N+1 baseline on the pre-fix schema');
  const n1Local = p50('N+1 baseline, limit=100, local socket');
  const endpointInsert = p50('POST /api/broker-assets/bulk-upsert', '-');
  const endpointUpdate = p50('  POST the same', '-');
  const rawInsert = p50('  raw upsert of the same rows (pg, unnest), insert', '-');
  const rawUpdate = p50('  raw upsert of the same rows (pg, unnest), update', '-');
  const deepCursor = rows.find((x) => x.scenario.startsWith('  deep page: cursor'))?.r.p50 ?? NaN;
  const deepOffset = rows.find((x) => x.scenario.startsWith('  deep page: offset'))?.r.p50 ?? NaN;
  const viaProxy = proxied?.upserts.find((u) => u.where !== 'local socket');
  const local = proxied?.upserts.find((u) => u.where === 'local socket');

  const ratios: Array<[string, number, string, boolean, string]> = [
    [
      `list p50, ${seeded.longTrades.toLocaleString('en')} trades / ${seeded.shortTrades.toLocaleString('en')} trades`,
      joined / p50(short),
      '≤ 1.3x',
      joined / p50(short) <= 1.3,
      `${fmt(joined)} ms / ${fmt(p50(short))} ms`,
    ],
    [
      'list p50 / (raw page SQL + HTTP floor)',
      joined / (rawPage + floor),
      '≤ 1.5x',
      joined / (rawPage + floor) <= 1.5,
      `${fmt(joined)} ms / (${fmt(rawPage)} + ${fmt(floor)} ms)`,
    ],
    [
      'list throughput / health throughput, 16 clients',
      (list16?.throughput ?? NaN) / (health16?.throughput ?? NaN),
      '≥ 0.2x, 0 errors',
      (list16?.throughput ?? 0) / (health16?.throughput ?? 1) >= 0.2 && list16?.errors === 0,
      `${fmt(list16?.throughput)} / ${fmt(health16?.throughput)} req/s, ${list16?.errors ?? '-'} errors`,
    ],
    [
      'old N+1 path on the pre-fix schema / joined list',
      preFix / joined,
      '≥ 100x',
      preFix / joined >= 100,
      `${fmt(preFix)} ms / ${fmt(joined)} ms`,
    ],
    [
      'N+1 on today’s schema / joined list, behind the 1 ms proxy',
      (proxied?.n1.p50 ?? NaN) / (proxied?.joined.p50 ?? NaN),
      '≥ 40x',
      (proxied?.n1.p50 ?? 0) / (proxied?.joined.p50 ?? 1) >= 40,
      `${fmt(proxied?.n1.p50)} ms / ${fmt(proxied?.joined.p50)} ms; local socket: ${ratio(n1Local / joined)}x (${fmt(n1Local)} / ${fmt(joined)} ms)`,
    ],
    [
      'row by row / batched upsert of 2,000 assets, behind the 1 ms proxy (insert; update)',
      (viaProxy?.rowInsert.p50 ?? NaN) / (viaProxy?.batchedInsert.p50 ?? NaN),
      '≥ 50x',
      (viaProxy?.rowInsert.p50 ?? 0) / (viaProxy?.batchedInsert.p50 ?? 1) >= 50 &&
        (viaProxy?.rowUpdate.p50 ?? 0) / (viaProxy?.batchedUpdate.p50 ?? 1) >= 50,
      `update: ${ratio((viaProxy?.rowUpdate.p50 ?? NaN) / (viaProxy?.batchedUpdate.p50 ?? NaN))}x; local socket: ${ratio((local?.rowInsert.p50 ?? NaN) / (local?.batchedInsert.p50 ?? NaN))}x and ${ratio((local?.rowUpdate.p50 ?? NaN) / (local?.batchedUpdate.p50 ?? NaN))}x`,
    ],
    [
      '20,000 assets in one request (default configuration) / raw upsert of the same rows (insert; update)',
      endpointInsert / rawInsert,
      '≤ 2x',
      endpointInsert / rawInsert <= 2 && endpointUpdate / rawUpdate <= 2,
      `update: ${ratio(endpointUpdate / rawUpdate)}x (${fmt(endpointInsert)} / ${fmt(rawInsert)} ms; ${fmt(endpointUpdate)} / ${fmt(rawUpdate)} ms)`,
    ],
    [
      'deep page by cursor / first page (offset: beside)',
      deepCursor / joined,
      '-',
      true,
      `offset: ${ratio(deepOffset / joined)}x`,
    ],
  ];
  const ratioTable = ratios
    .map(
      ([what, value, target, met, detail]) =>
        `| ${what} | **${ratio(value)}x** | ${target} | ${target === '-' ? '-' : met ? 'met' : '**not met**'} | ${detail} |`,
    )
    .join('\n');
  const table = rows
    .map((x) => {
      const name = x.scenario.startsWith('  ') ? `&nbsp;&nbsp;${x.scenario.trim()}` : x.scenario;
      const tput = x.concurrency === '-' ? '-' : fmt(x.r.throughput);
      return `| ${name} | ${x.concurrency} | ${x.r.requests} | ${fmt(x.r.p50)} | ${fmt(x.r.p95)} | ${tput} | ${x.r.errors} | ${x.statements} |${x.note ? ` ${x.note} |` : ''}`;
    })
    .join('\n');
  const notMet = ratios.filter(([, , target, met]) => target !== '-' && !met).map(([w]) => w);
  const listSql = find(long)?.statements;
  const md = `# Benchmarks

Written by \`npm run bench\` (${new Date().toISOString().slice(0, 10)}) from the numbers of that one run on one machine; nothing
on this page is typed by hand.

- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${osType()} ${release()}, shared with other work while measuring (timings are noisy; ratios are taken within this run)
- Node ${process.version}, PostgreSQL ${info.pgVersion} (${info.serverKind}), the app with its default configuration
- Data: ${info.scale.trades.toLocaleString('en')} trades over 5 years, ${seeded.decisions.toLocaleString('en')} AI decisions (30% of the trades have one, one in fifty of those a second), ${info.scale.strategies.toLocaleString('en')} strategies, ${info.scale.users} users. The long-history user owns ${seeded.longTrades.toLocaleString('en')} trades, the short-history one ${seeded.shortTrades.toLocaleString('en')}, with the same shape, interleaved on disk. Generated in SQL in ${(seeded.ms / 1000).toFixed(1)} s.
- The app runs as its own process (\`node dist/src/main.js\`), as do the N+1 baseline and the latency proxy. HTTP load comes from autocannon (latency from its per-response timings), statements sent straight through pg from a closed loop in the bench process. ${info.durationMs / 1000} s per scenario and concurrency; single-shot scenarios are repeated ${info.shots} times (p50 of those).
- "statements" = SQL statements the request sent, **counted** at the pg client on an in-process copy of the app, once that instance knows the caller's session (a session's first request on an instance sends one more: the session check).
- The latency proxy adds ${PROXY_NOTE} (measured: +${fmt(proxied?.rttAdded)} ms per \`SELECT 1\` round trip, p50).
- The pre-fix schema: the same data copied (\`CREATE DATABASE ... TEMPLATE\`) without the fix plan's indexes and without any index on \`ai_decisions.executed_trade_id\`; indexes left on trades and ai_decisions: ${info.preFixIndexes.map((i) => `\`${i}\``).join(', ') || '-'}.

## Targets (concurrency 1, p50 unless said)

| ratio | value | target | | measured |
|---|---|---|---|---|
${ratioTable}

${notMet.length === 0 ? 'Every target was met in this run.' : `Not met in this run: ${notMet.join('; ')}.`}

## Scenarios

| scenario | concurrency | requests | p50 ms | p95 ms | req/s | errors | statements |
|---|---|---|---|---|---|---|---|
${table}

![latency against page size](bench-trades.svg)

## Reading the numbers

- **History size.** The list sends ${listSql ?? '-'} statement (the page; the session check only with a session's
  first request on an instance) and never counts
  unless asked (\`includeTotal=true\`, measured above at ${fmt(p50('  includeTotal'))} ms against ${fmt(joined)} ms): the
  page is an index walk in the list's order that stops after limit + 1 rows, enriched by a LATERAL
  lookup of each trade's latest decision, so ${seeded.longTrades.toLocaleString('en')} trades cost ${ratio(joined / p50(short))}x what
  ${seeded.shortTrades.toLocaleString('en')} do.
- **Node's share.** Raw page SQL ${fmt(rawPage)} ms plus the HTTP floor ${fmt(floor)} ms against ${fmt(joined)} ms for the
  endpoint. The page statement builds each item as JSON (\`row_to_json\`, times and decimals in the API's
  formats) and joins the page's items into one text in page order, so Node receives one row and writes it
  into the envelope unchanged (no entity hydration, no class-transformer, no \`JSON.stringify\`, no
  per-row work in the driver); what remains is the framework's work per request. The raw figure is
  that same statement, so what PostgreSQL spends assembling the page counts on both sides.
- **N+1.** The old path sends ${find('N+1 baseline, limit=100, local socket')?.statements ?? '-'} statements per page (the page, a
  count, then per trade its decision and its strategy). On the pre-fix schema each decision lookup scans
  ai_decisions: ${fmt(preFix)} ms per page. On today's schema each costs one round trip, which is why the ratio
  grows with the network: ${ratio(n1Local / joined)}x over a local socket, ${ratio((proxied?.n1.p50 ?? NaN) / (proxied?.joined.p50 ?? NaN))}x behind the proxy.
- **Upserts.** One statement per 10,000 rows (one array per column, \`unnest\`) against one statement per row, on
  the same rows (both insert, then both update); the bulk endpoint's validation is compiled once and adds
  little to the SQL: ${ratio(endpointInsert / rawInsert)}x the raw statement's time for 20,000 new assets.
- Re-run: \`npm run bench\` (\`BENCH_DATABASE_URL\` to use a given server, \`BENCH_TRADES\` and \`BENCH_SECONDS\`
  to change the size and duration, \`BENCH_PROFILE_DIR\` for a CPU profile of the app process).
`;
  // The sections other benches wrote (bench:compare, bench:tracing) stay, as they were.
  const kept = markedSections();
  writeFileSync(
    join(ROOT, 'docs', 'BENCHMARKS.md'),
    kept.length > 0 ? `${md.trimEnd()}\n\n${kept.join('\n\n')}\n` : md,
  );
  writeFileSync(
    join(ROOT, 'docs', 'bench-trades.svg'),
    lineChartSvg(
      'GET /api/trades: p50 latency against limit',
      'limit (page size)',
      'p50 latency, ms (log)',
      [
        { name: 'joined (app)', color: '#1f77b4', points: info.chart.joined },
        { name: 'N+1 baseline', color: '#d62728', points: info.chart.n1 },
        { name: 'raw SQL (pg)', color: '#2ca02c', points: info.chart.raw },
      ],
    ),
  );
}

const PROXY_NOTE =
  '1 ms to every round trip (a database on another host of the same region; Node timers have 1 ms resolution, so the whole delay is added on the way back rather than 0.5 ms each way)';
