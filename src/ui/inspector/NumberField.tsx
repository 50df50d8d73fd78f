import { useId, useState } from 'react';
import { describeRange, formatField, type NumberSpec, parseField } from './field-spec';

interface NumberFieldProps {
  label: string;
  /** Full accessible name when the visible label is short (e.g. "Mean" inside "Service time"). */
  ariaLabel?: string;
  value: number | null;
  spec: NumberSpec;
  /** What the field means, shown above the range. */
  note?: string;
  /** Stores the value; returns why the store refused it, or null. */
  onCommit(value: number | null): string | null;
}

/**
 * A number with its unit and allowed range. What the user types stays in the
 * field; only a value that passes both the range and the store's check is
 * committed, and a refusal is shown beside the field.
 */
export function NumberField({ label, ariaLabel, value, spec, note, onCommit }: NumberFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(() => formatField(value, spec));
  const [error, setError] = useState<string | null>(null);
  const [seenValue, setSeenValue] = useState(value);

  // The value changed from outside (undo, another field, an import): show it, unless the draft already says it.
  if (value !== seenValue) {
    setSeenValue(value);
    const parsed = parseField(draft, spec);
    if (!(parsed.ok && parsed.value === value)) {
      setDraft(formatField(value, spec));
      setError(null);
    }
  }

  const onChange = (text: string) => {
    setDraft(text);
    const parsed = parseField(text, spec);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(onCommit(parsed.value));
  };

  const range = describeRange(spec);
  const allowed = spec.emptyMeans ? `${range}; empty = ${spec.emptyMeans}` : range;
  const hint = note ? `${note} (${allowed})` : allowed;
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <div className="field__control">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={draft}
          aria-label={ariaLabel}
          aria-invalid={error !== null}
          aria-describedby={`${id}-note`}
          onChange={(event) => onChange(event.target.value)}
        />
        {spec.unit && <span className="field__unit">{spec.unit}</span>}
      </div>
      <div id={`${id}-note`} className={error ? 'field__error' : 'field__hint'} role={error ? 'alert' : undefined}>
        {error ?? hint}
      </div>
    </div>
  );
}
