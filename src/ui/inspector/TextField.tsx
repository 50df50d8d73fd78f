import { useId, useState } from 'react';

interface TextFieldProps {
  label: string;
  value: string;
  maxLength: number;
  placeholder?: string;
  /** A few lines of free text instead of one line. */
  multiline?: boolean;
  onCommit(value: string): string | null;
}

/** A short text (a name), committed as typed; the store's refusal shows beside it. */
export function TextField({ label, value, maxLength, placeholder, multiline, onCommit }: TextFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const [seenValue, setSeenValue] = useState(value);
  if (value !== seenValue) {
    setSeenValue(value);
    if (draft !== value) {
      setDraft(value);
      setError(null);
    }
  }
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <div className="field__control">
        {multiline ? (
          <textarea
            id={id}
            rows={3}
            value={draft}
            maxLength={maxLength}
            placeholder={placeholder}
            aria-invalid={error !== null}
            onChange={(event) => {
              setDraft(event.target.value);
              setError(onCommit(event.target.value));
            }}
          />
        ) : (
          <input
            id={id}
            type="text"
            value={draft}
            maxLength={maxLength}
            placeholder={placeholder}
            aria-invalid={error !== null}
            onChange={(event) => {
              setDraft(event.target.value);
              setError(onCommit(event.target.value));
            }}
          />
        )}
      </div>
      {error && (
        <div className="field__error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
