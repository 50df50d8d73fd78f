import { distributionMean } from '../../canvas/format';
import type { Distribution } from '../../scenario/schema';
import { SPECS } from './field-spec';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';

const TYPES = [
  { value: 'exponential', label: 'Exponential (random, memoryless)' },
  { value: 'constant', label: 'Constant (always the same)' },
  { value: 'uniform', label: 'Uniform (between min and max)' },
  { value: 'lognormal', label: 'Log-normal (long tail)' },
] as const satisfies readonly { value: Distribution['type']; label: string }[];

interface DistributionFieldProps {
  /** e.g. "Service time": also prefixes every inner field's accessible name. */
  label: string;
  value: Distribution;
  onCommit(value: Distribution): string | null;
}

/** A random duration: its type, then that type's parameters, all in milliseconds. */
export function DistributionField({ label, value, onCommit }: DistributionFieldProps) {
  const param = (name: string) => `${label} ${name}`;
  return (
    <fieldset className="distribution">
      <legend>{label}</legend>
      <SelectField
        label={`${label} distribution`}
        value={value.type}
        options={TYPES}
        onChange={(type) => onCommit(convertDistribution(value, type))}
      />
      {value.type === 'exponential' && (
        <NumberField label="Mean" ariaLabel={param('mean')} value={value.mean} spec={SPECS.positiveTime} onCommit={(mean) => onCommit({ ...value, mean: mean ?? 0 })} />
      )}
      {value.type === 'constant' && (
        <NumberField label="Value" ariaLabel={param('value')} value={value.value} spec={SPECS.time} onCommit={(v) => onCommit({ ...value, value: v ?? 0 })} />
      )}
      {value.type === 'uniform' && (
        <>
          <NumberField label="Min" ariaLabel={param('min')} value={value.min} spec={SPECS.time} onCommit={(min) => onCommit({ ...value, min: min ?? 0 })} />
          <NumberField label="Max" ariaLabel={param('max')} value={value.max} spec={SPECS.time} onCommit={(max) => onCommit({ ...value, max: max ?? 0 })} />
        </>
      )}
      {value.type === 'lognormal' && (
        <>
          <NumberField label="Mean" ariaLabel={param('mean')} value={value.mean} spec={SPECS.positiveTime} onCommit={(mean) => onCommit({ ...value, mean: mean ?? 0 })} />
          <NumberField
            label="Variation (cv)"
            ariaLabel={param('variation')}
            value={value.cv}
            spec={SPECS.cv}
            onCommit={(cv) => onCommit({ ...value, cv: cv ?? 0 })}
          />
        </>
      )}
    </fieldset>
  );
}

/** Switches distribution type keeping the mean, so the system's load stays about the same. */
export function convertDistribution(from: Distribution, type: Distribution['type']): Distribution {
  const mean = distributionMean(from) || 0.01;
  switch (type) {
    case 'exponential':
      return { type, mean };
    case 'constant':
      return { type, value: mean };
    case 'uniform':
      return { type, min: mean / 2, max: (mean * 3) / 2 };
    case 'lognormal':
      return { type, mean, cv: 1 };
  }
}
