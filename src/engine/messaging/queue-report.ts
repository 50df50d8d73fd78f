import type { LiveNode, NodeReportOf } from '../types';
import type { QueueFigures } from './figures';
import type { MessageStore } from './message-store';
import type { QueueStats } from './queue-stats';

/** What a queue's report and live figures are read from. */
export interface QueueState {
  id: string;
  label: string;
  messages: MessageStore;
  stats: QueueStats;
  /** Seconds the oldest waiting message has waited at the time asked. */
  oldestAge: number;
}

/** The queue's own figures at `time` (its stats advanced to then). */
export function queueFigures({ messages, stats, oldestAge }: QueueState, time: number): QueueFigures {
  const measured = stats.measured(time);
  return {
    accepted: messages.accepted,
    rejected: stats.rejected,
    acknowledged: messages.acknowledged,
    deliveries: stats.deliveries,
    redeliveries: stats.redeliveries,
    duplicates: stats.duplicates,
    deadLettered: messages.deadLettered,
    expired: messages.expired,
    backlog: messages.waiting,
    inFlight: messages.leased,
    oldestAge,
    meanBacklog: measured.meanBacklog,
    maxBacklog: stats.maxBacklog,
    meanBacklogWait: measured.meanBacklogWait,
    inRate: measured.inRate,
    outRate: measured.outRate,
    ackLatency: measured.ackLatency,
    endToEnd: measured.endToEnd,
  };
}

/** The queue's node report: the common figures read as a queue means them (served = acknowledged, latency = enqueue → done). */
export function queueReport(state: QueueState, time: number): NodeReportOf<'messageQueue'> {
  const messaging = queueFigures(state, time);
  const measured = state.stats.measured(time);
  return {
    id: state.id,
    kind: 'messageQueue',
    label: state.label,
    arrivals: state.stats.arrivals,
    served: messaging.acknowledged,
    dropped: messaging.rejected,
    throughput: messaging.outRate,
    utilization: 0,
    meanQueueLength: messaging.meanBacklog,
    meanInSystem: measured.meanInSystem,
    waitProbability: measured.waitProbability,
    meanWait: messaging.meanBacklogWait,
    latency: messaging.endToEnd,
    inSystem: messaging.backlog + messaging.inFlight,
    messaging,
  };
}

/** The queue's live figures for its card. */
export function queueLive({ messages, stats, oldestAge }: QueueState): LiveNode {
  return {
    busy: messages.leased,
    queueLength: messages.waiting,
    inSystem: messages.waiting + messages.leased,
    // A queue has no workers of its own: its consumers' are theirs (the totals' "busy" rows skip it).
    workers: 0,
    messaging: { backlog: messages.waiting, inFlight: messages.leased, oldestAge, deadLettered: messages.deadLettered, duplicates: stats.duplicates },
  };
}
