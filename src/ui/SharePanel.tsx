import { useEffect, useId, useRef, useState } from 'react';
import { DEFAULT_EMBED_CHARTS, EMBED_CHARTS, type EmbedChart, embedUrl, iframeSnippet, MAX_EMBED_CHARTS } from './embed/embed-params';

interface SharePanelProps {
  url: string;
  copied: boolean;
  /** The scenario's name: the iframe's title for screen readers. */
  name: string;
  onClose(): void;
}

/** Shows the share link (also when the clipboard was not available) so it can always be copied by hand, and an iframe snippet to embed it. */
export function SharePanel({ url, copied, name, onClose }: SharePanelProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  return (
    <div
      className="popover share-panel"
      role="dialog"
      aria-label="Share this scenario"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <label htmlFor={id}>Share link</label>
      <input id={id} ref={input} readOnly value={url} onFocus={(event) => event.target.select()} />
      <p className="share-panel__note">
        {copied ? 'Copied to the clipboard. ' : 'Copy the link above. '}
        It holds the whole scenario (nodes, links, settings, seed); nothing is uploaded.
      </p>
      <EmbedSnippet url={url} name={name} />
      <button type="button" className="button" onClick={onClose}>
        Done
      </button>
    </div>
  );
}

/** An iframe for slides and pages: the canvas, the charts ticked here, and a Run button. */
function EmbedSnippet({ url, name }: { url: string; name: string }) {
  const id = useId();
  const [charts, setCharts] = useState<EmbedChart[]>([...DEFAULT_EMBED_CHARTS]);
  const [copied, setCopied] = useState(false);
  const snippet = iframeSnippet(embedUrl(url, charts), name);
  const toggle = (chart: EmbedChart, on: boolean) => {
    setCopied(false);
    // Kept in the order the checkboxes show, whatever order they were ticked in.
    setCharts((current) => (Object.keys(EMBED_CHARTS) as EmbedChart[]).filter((c) => (c === chart ? on : current.includes(c))));
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied(true);
    } catch {
      // No clipboard permission: the snippet is selected in its box to copy by hand.
      document.getElementById(id)?.focus();
    }
  };
  return (
    <div className="share-panel__embed">
      <label htmlFor={id}>Embed in slides or a page</label>
      <fieldset className="share-panel__charts">
        <legend>Charts under the canvas (up to {MAX_EMBED_CHARTS})</legend>
        {(Object.entries(EMBED_CHARTS) as [EmbedChart, string][]).map(([chart, title]) => (
          <label key={chart}>
            <input
              type="checkbox"
              checked={charts.includes(chart)}
              disabled={!charts.includes(chart) && charts.length >= MAX_EMBED_CHARTS}
              onChange={(event) => toggle(chart, event.target.checked)}
            />
            {title}
          </label>
        ))}
      </fieldset>
      <textarea id={id} readOnly rows={3} value={snippet} onFocus={(event) => event.target.select()} />
      <div className="share-panel__row">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy iframe
        </button>
        <span className="share-panel__note" role="status">
          {copied ? 'Copied.' : 'The page must allow framing (docs/hosting.md).'}
        </span>
      </div>
    </div>
  );
}
