import type { Catalogue } from '../../scenario/schema';
import { SPECS } from './field-spec';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';

type Popularity = Catalogue['popularity']['type'];

const POPULARITY: readonly { value: Popularity; label: string }[] = [
  { value: 'zipf', label: 'Zipf (a few items are hot)' },
  { value: 'uniform', label: 'Uniform (every item alike)' },
  { value: 'scan', label: 'Scan (in order, round and round)' },
];

/** Which items a client's requests ask for: what caches key on. */
export function CatalogueFields({ catalogue, commit }: { catalogue: Catalogue; commit(catalogue: Catalogue, field: string): string | null }) {
  const { popularity } = catalogue;
  return (
    <fieldset className="distribution">
      <legend>Catalogue</legend>
      <NumberField
        label="Items"
        note="Distinct keys requests ask for"
        value={catalogue.items}
        spec={SPECS.catalogueItems}
        onCommit={(items) => commit({ ...catalogue, items: items ?? 0 }, 'items')}
      />
      <SelectField
        label="Popularity"
        value={popularity.type}
        options={POPULARITY}
        onChange={(type) => commit({ ...catalogue, popularity: type === 'zipf' ? { type, alpha: 1 } : { type } }, 'popularity')}
      />
      {popularity.type === 'zipf' && (
        <NumberField
          label="Zipf alpha"
          note="Higher is more skewed; 0 is uniform"
          value={popularity.alpha}
          spec={SPECS.zipfAlpha}
          onCommit={(alpha) => commit({ ...catalogue, popularity: { type: 'zipf', alpha: alpha ?? 0 } }, 'alpha')}
        />
      )}
    </fieldset>
  );
}
