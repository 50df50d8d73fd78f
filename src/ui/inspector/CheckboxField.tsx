interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  note?: string;
  disabled?: boolean;
  onChange(checked: boolean): void;
}

/** A yes/no setting with its label (and, when it helps, why it matters). */
export function CheckboxField({ label, checked, note, disabled, onChange }: CheckboxFieldProps) {
  return (
    <div className="field">
      <label className="field--check">
        <input type="checkbox" checked={checked} disabled={disabled} onChange={(event) => onChange(event.target.checked)} />
        {label}
      </label>
      {note && <div className="field__hint">{note}</div>}
    </div>
  );
}
