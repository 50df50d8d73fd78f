import { useId, useState } from 'react';

interface TextFieldProps {
  label: string;
  value: string;
  maxLength: number;
  placeholder?: string;
  onCommit(value: string): string | null;
}

/** A short text (a name), committed as typed; the store's refusal shows beside it. */
export function TextField({ label, value, maxLength, placeholder, onCommit }: TextFieldProps) {
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
      </div>
      {error && (
        <div className="field__error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
