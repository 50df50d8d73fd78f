import { useId, useState } from 'react';

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  /** Stores the choice; may return why the store refused it, shown beside the field. */
  onChange(value: T): unknown;
  note?: string;
}

/** A choice among a few named options. A refused choice snaps back and says why. */
export function SelectField<T extends string>({ label, value, options, onChange, note }: SelectFieldProps<T>) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <div className="field__control">
        <select
          id={id}
          value={value}
          aria-invalid={error !== null}
          onChange={(event) => {
            const problem = onChange(event.target.value as T);
            setError(typeof problem === 'string' ? problem : null);
          }}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {error ? (
        <div className="field__error" role="alert">
          {error}
        </div>
      ) : (
        note && <div className="field__hint">{note}</div>
      )}
    </div>
  );
}
