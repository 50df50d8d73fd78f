import type { ReactNode } from 'react';

/** A folded group of less-used fields, so a newcomer sees the few that matter first. */
export function Section({ title, summary, children }: { title: string; summary?: string; children: ReactNode }) {
  return (
    <details className="section">
      <summary>
        <span className="section__title">{title}</span>
        {summary && <span className="section__summary">{summary}</span>}
      </summary>
      <div className="section__body">{children}</div>
    </details>
  );
}
