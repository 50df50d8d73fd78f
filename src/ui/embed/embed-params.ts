/**
 * Embed mode: `?embed=1` opens the canvas, the chosen charts and a Run
 * button, nothing else, for an iframe in slides or a page;
 * `&charts=latency,throughput` picks the charts (in that order). The query
 * holds only these choices: the scenario stays in the `#s=` fragment.
 */

/** The figures an embed can show, by the name its URL uses. */
export const EMBED_CHARTS = {
  latency: 'Latency percentiles',
  throughput: 'Throughput',
  utilization: 'Utilization per node',
  queue: 'Queue length per node',
  totals: 'Totals',
} as const;

export type EmbedChart = keyof typeof EMBED_CHARTS;

/** Shown when the URL names no charts. */
export const DEFAULT_EMBED_CHARTS: readonly EmbedChart[] = ['latency', 'throughput'];

/** Side by side under the canvas, more would be too narrow to read in a slide. */
export const MAX_EMBED_CHARTS = 3;

export interface EmbedParams {
  charts: EmbedChart[];
  /** Names in `charts=` that are not charts, or past the limit: the page says they were left out. */
  ignored: string[];
}

const isEmbedChart = (name: string): name is EmbedChart => Object.hasOwn(EMBED_CHARTS, name);

/** The embed choices of a query string such as `?embed=1&charts=latency`; null when it does not ask for embed mode. */
export function parseEmbedParams(search: string): EmbedParams | null {
  const params = new URLSearchParams(search);
  const embed = params.get('embed');
  if (embed === null || !['1', 'true', ''].includes(embed.toLowerCase())) return null;
  const listed = params.get('charts');
  if (listed === null) return { charts: [...DEFAULT_EMBED_CHARTS], ignored: [] };
  const charts: EmbedChart[] = [];
  const ignored: string[] = [];
  for (const raw of listed.split(',')) {
    const name = raw.trim().toLowerCase();
    if (name === '') continue;
    if (isEmbedChart(name) && !charts.includes(name) && charts.length < MAX_EMBED_CHARTS) charts.push(name);
    else if (!charts.includes(name as EmbedChart)) ignored.push(raw.trim());
  }
  return { charts, ignored };
}

/** The embed address for a share URL (`…/#s=…`): the query goes before the fragment. */
export function embedUrl(shareUrl: string, charts: readonly EmbedChart[]): string {
  const hash = shareUrl.indexOf('#');
  const base = hash < 0 ? shareUrl : shareUrl.slice(0, hash);
  const fragment = hash < 0 ? '' : shareUrl.slice(hash);
  const url = new URL(base);
  url.searchParams.set('embed', '1');
  url.searchParams.set('charts', charts.join(','));
  // URLSearchParams writes "," as %2C; a plain comma is legal in a query and reads better in slides' source.
  return `${url.toString().replace(/%2C/g, ',')}${fragment}`;
}

/** An iframe snippet to paste into a page or a slide: 16:9, titled for screen readers, no border. */
export function iframeSnippet(url: string, title: string, size = { width: 960, height: 540 }): string {
  const escaped = title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${url.replace(/&/g, '&amp;').replace(/"/g, '%22')}" width="${size.width}" height="${size.height}" title="${escaped}" style="border:0" loading="lazy"></iframe>`;
}
