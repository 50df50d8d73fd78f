import type { ScenarioInput } from '../../scenario/schema';
import type { Scenario } from '../../scenario/schema';
import { buildScenario } from '../testing/build-scenario';

/** What a test sets of a parallel job; the rest takes the schema's defaults. */
export interface JobOptions {
  workers: number;
  serialFraction: number;
  contention?: number;
  coherency?: number;
  /** The work's distribution; constant 0.1 s unless said. */
  workTime?: unknown;
  duration?: number;
  seed?: number;
}

/** One user with no think time to speak of → a parallel job, no link latency: each job runs alone, so its time is T(N). */
export function oneJobAtATime(options: JobOptions): Scenario {
  return buildScenario({
    duration: options.duration ?? 60,
    seed: options.seed ?? 1,
    nodes: [
      { id: 'user', kind: 'client', workload: { mode: 'closed', users: 1, thinkTime: { type: 'constant', value: 0.001 } } },
      {
        id: 'job',
        kind: 'parallelJob',
        workers: options.workers,
        workTime: options.workTime ?? { type: 'constant', value: 0.1 },
        serialFraction: options.serialFraction,
        contention: options.contention ?? 0,
        coherency: options.coherency ?? 0,
      },
    ] as ScenarioInput['nodes'],
    links: [{ id: 'in', from: 'user', to: 'job', latency: 0 }],
  });
}
