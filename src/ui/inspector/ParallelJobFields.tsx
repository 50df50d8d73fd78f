import { MAX_PARALLEL_WORKERS } from '../../scenario/parallel-job-schema';
import { DistributionField } from './DistributionField';
import { type NumberSpec, SPECS } from './field-spec';
import type { FieldsProps } from './fields-props';
import { NumberField } from './NumberField';

/* A parallel job's fields: N, the work, and the three fractions Amdahl and the USL are made of. */

const WORKERS: NumberSpec = { ...SPECS.workers, max: MAX_PARALLEL_WORKERS };
/** A fraction shown as a percentage: 5 % reads better than 0.05 on a projector. */
const PERCENT: NumberSpec = { unit: '%', scale: 100, min: 0, max: 100 };

/** A parallel job: workers (N), queue, work per request, serial fraction, contention and coherency. */
export function ParallelJobFields({ node, commit }: FieldsProps<'parallelJob'>) {
  const ceiling = node.serialFraction > 0 ? `at most ${(1 / node.serialFraction).toFixed(1)}× however many workers` : 'no ceiling: all of it splits';
  return (
    <>
      <NumberField
        label="Workers (N)"
        note="Each request splits into one task per worker; a request holds them all"
        value={node.workers}
        spec={WORKERS}
        onCommit={(workers) => commit({ workers: workers ?? 1 }, 'workers')}
      />
      <NumberField
        label="Queue capacity"
        value={node.queueCapacity}
        spec={SPECS.queueCapacity}
        onCommit={(queueCapacity) => commit({ queueCapacity }, 'queueCapacity')}
      />
      <DistributionField label="Work on one worker" value={node.workTime} onCommit={(workTime) => commit({ workTime }, 'workTime')} />
      <NumberField
        label="Serial fraction (s)"
        note={`Runs on one worker before the split: speedup ${ceiling}`}
        value={node.serialFraction}
        spec={PERCENT}
        onCommit={(serialFraction) => commit({ serialFraction: serialFraction ?? 0 }, 'serialFraction')}
      />
      <NumberField
        label="Contention (σ)"
        note="The join merges each task's result in turn, at σ × that task's share"
        value={node.contention}
        spec={PERCENT}
        onCommit={(contention) => commit({ contention: contention ?? 0 }, 'contention')}
      />
      <NumberField
        label="Coherency (κ)"
        note="Every task exchanges state with every other, at κ × the work each time"
        value={node.coherency}
        spec={PERCENT}
        onCommit={(coherency) => commit({ coherency: coherency ?? 0 }, 'coherency')}
      />
    </>
  );
}
