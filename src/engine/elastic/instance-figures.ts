import type { InstanceFigures, LiveInstances } from './instance-report';
import type { Autoscaler } from './autoscaler';

/** Seconds in an hour: costPerHour is dollars an hour per instance. */
const HOUR = 3600;

/** A scaling group's instances now, for live frames and the card. */
export function liveInstances(scaler: Autoscaler): LiveInstances {
  const { serving, starting, draining } = scaler.timeline;
  return { serving, starting, draining, min: scaler.min, max: scaler.max };
}

/** A scaling group over the run at `time`: counts, instance-seconds and what they cost at `costPerHour` an instance. */
export function instanceFigures(scaler: Autoscaler, costPerHour: number, time: number): InstanceFigures {
  const timeline = scaler.timeline;
  const instanceSeconds = timeline.instanceSeconds(time, false);
  return {
    ...liveInstances(scaler),
    peak: timeline.peak,
    meanRunning: time > 0 ? instanceSeconds / time : timeline.running,
    instanceSeconds,
    cost: (instanceSeconds * costPerHour) / HOUR,
    scaleOuts: scaler.scaleOuts,
    scaleIns: scaler.scaleIns,
    timeline: timeline.changes.slice(),
  };
}
