import { describe, expect, it } from 'vitest';
import { embedUrl, iframeSnippet, parseEmbedParams } from './embed-params';

describe('embed URL parameters', () => {
  it('is not embed mode without ?embed=1', () => {
    expect(parseEmbedParams('')).toBeNull();
    expect(parseEmbedParams('?charts=latency')).toBeNull();
    expect(parseEmbedParams('?embed=0')).toBeNull();
    expect(parseEmbedParams('?embed=no')).toBeNull();
  });

  it('shows latency and throughput when no charts are named', () => {
    expect(parseEmbedParams('?embed=1')).toEqual({ charts: ['latency', 'throughput'], ignored: [] });
    expect(parseEmbedParams('?embed=true')).toEqual({ charts: ['latency', 'throughput'], ignored: [] });
  });

  it('keeps the named charts in their order, once each, whatever their case', () => {
    expect(parseEmbedParams('?embed=1&charts=Throughput,latency,throughput')).toEqual({ charts: ['throughput', 'latency'], ignored: [] });
    expect(parseEmbedParams('?embed=1&charts=totals')).toEqual({ charts: ['totals'], ignored: [] });
  });

  it('shows no chart for an empty list, and names what it left out', () => {
    expect(parseEmbedParams('?embed=1&charts=')).toEqual({ charts: [], ignored: [] });
    expect(parseEmbedParams('?embed=1&charts=latency,pie, ,queue')).toEqual({ charts: ['latency', 'queue'], ignored: ['pie'] });
  });

  it('takes at most three charts', () => {
    expect(parseEmbedParams('?embed=1&charts=latency,throughput,utilization,queue')).toEqual({
      charts: ['latency', 'throughput', 'utilization'],
      ignored: ['queue'],
    });
  });

  it('builds the embed address from a share link, the query before the fragment', () => {
    const url = embedUrl('https://example.org/play/#s=2.abc', ['latency', 'totals']);
    expect(url).toBe('https://example.org/play/?embed=1&charts=latency,totals#s=2.abc');
    const search = new URL(url).search;
    expect(parseEmbedParams(search)).toEqual({ charts: ['latency', 'totals'], ignored: [] });
  });

  it('writes an iframe whose attributes cannot be broken out of', () => {
    const snippet = iframeSnippet('https://example.org/?embed=1&charts=latency#s=2.a', 'Cache "A" & <B>');
    expect(snippet).toBe(
      '<iframe src="https://example.org/?embed=1&amp;charts=latency#s=2.a" width="960" height="540" title="Cache &quot;A&quot; &amp; &lt;B>" style="border:0" loading="lazy"></iframe>',
    );
  });
});
