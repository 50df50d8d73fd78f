/** What one worker thread of the headless sweep does with one point: the background service's run, as the page's workers do it. */
import { createBackgroundService } from '../worker/background-service';
import type { FieldSweepPoint } from '../worker/field-sweep';

const service = createBackgroundService();

/** One point's job as it crosses to a thread: the scenario with the field set, its value, and the seed. */
export interface SweepTask {
  scenario: unknown;
  value: number;
  seed: number;
}

/** Runs one point to its end. */
export default function runSweepTask(task: SweepTask): FieldSweepPoint {
  return service.runFieldPoint(task.scenario, task.value, task.seed);
}
