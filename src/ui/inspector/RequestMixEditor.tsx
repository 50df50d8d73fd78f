import { useId, useState } from 'react';
import { HTTP_METHODS, type RequestType } from '../../scenario/schema';
import { SPECS } from './field-spec';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';
import { TextField } from './TextField';
import { patchAt } from './patch-at';

interface RequestMixEditorProps {
  mix: readonly RequestType[];
  commit(mix: RequestType[], field: string): string | null;
}

const METHOD_OPTIONS = HTTP_METHODS.map((value) => ({ value, label: value === 'GET' ? 'GET (a read)' : `${value} (a write)` }));
const MAX_TYPES = 20;

/** What a client's requests look like: method, path, share of the mix and headers (L7 balancers route on them). */
export function RequestMixEditor({ mix, commit }: RequestMixEditorProps) {
  const change = (index: number, patch: Partial<RequestType>, field: string) =>
    commit(
      patchAt(mix, index, patch),
      `mix-${index}-${field}`,
    );
  return (
    <fieldset className="distribution">
      <legend>Request mix</legend>
      {mix.map((request, index) => {
        const n = index + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: request types have no identity beyond their place in the mix
          <div className="route" key={index}>
            <SelectField label={`Request ${n} method`} value={request.method} options={METHOD_OPTIONS} onChange={(method) => change(index, { method }, 'method')} />
            <TextField label={`Request ${n} path`} value={request.path} maxLength={200} onCommit={(path) => change(index, { path }, 'path')} />
            <NumberField
              label="Share"
              ariaLabel={`Request ${n} share`}
              note="Relative to the other request types"
              value={request.weight}
              spec={SPECS.mixWeight}
              onCommit={(weight) => change(index, { weight: weight ?? 0 }, 'weight')}
            />
            <HeadersField label={`Request ${n} headers`} headers={request.headers} commit={(headers) => change(index, { headers }, 'headers')} />
            <button type="button" className="button" disabled={mix.length === 1} onClick={() => commit(mix.filter((_, i) => i !== index), 'remove')}>
              Remove request {n}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button"
        disabled={mix.length >= MAX_TYPES}
        onClick={() => commit([...mix, { method: 'POST', path: '/api/orders', weight: 1, headers: {} }], 'add')}
      >
        Add request type
      </button>
    </fieldset>
  );
}

/** Headers as "Name: value" lines; a malformed line is named beside the field and nothing is stored. */
function HeadersField({ label, headers, commit }: { label: string; headers: Record<string, string>; commit(headers: Record<string, string>): string | null }) {
  const id = useId();
  const [draft, setDraft] = useState(() => formatHeaders(headers));
  const [error, setError] = useState<string | null>(null);
  const onChange = (text: string) => {
    setDraft(text);
    const parsed = parseHeaders(text);
    setError(typeof parsed === 'string' ? parsed : commit(parsed));
  };
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={2} value={draft} placeholder="X-Version: beta" spellCheck={false} onChange={(event) => onChange(event.target.value)} />
      <div className={error ? 'field__error' : 'field__hint'} role={error ? 'alert' : undefined}>
        {error ?? 'One "Name: value" per line'}
      </div>
    </div>
  );
}

/** Headers as editable text, one per line. */
export function formatHeaders(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

/** Parses "Name: value" lines; returns a message naming the first bad line. */
export function parseHeaders(text: string): Record<string, string> | string {
  const headers: Record<string, string> = {};
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim();
    if (colon < 0 || name === '') return `Line ${i + 1}: write it as "Name: value".`;
    if (name.length > 64) return `Line ${i + 1}: a header name is at most 64 characters.`;
    headers[name] = line.slice(colon + 1).trim();
  }
  return headers;
}
