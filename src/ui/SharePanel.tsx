import { useEffect, useId, useRef } from 'react';

interface SharePanelProps {
  url: string;
  copied: boolean;
  onClose(): void;
}

/** Shows the share link (also when the clipboard was not available) so it can always be copied by hand. */
export function SharePanel({ url, copied, onClose }: SharePanelProps) {
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
      <button type="button" className="button" onClick={onClose}>
        Done
      </button>
    </div>
  );
}
