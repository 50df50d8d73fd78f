import type { NodeReportOf } from '../engine/types';
import { formatCount, formatMilliseconds, formatRate } from './format-numbers';

/* The terminal report's sections for message queues and topics. */

/** For a message queue: the two latencies side by side, the backlog, and what went wrong with deliveries. */
export function queueLines(node: NodeReportOf<'messageQueue'>, name: string): string[] {
  const q = node.messaging;
  const lines = ['', `Message queue ${name}: what producers waited for, and what consumers did`];
  lines.push(
    `  producer's ack: mean ${formatMilliseconds(q.ackLatency.mean)} ms, p99 ${formatMilliseconds(q.ackLatency.p99)} ms · enqueue → done: mean ${formatMilliseconds(q.endToEnd.mean)} ms, p99 ${formatMilliseconds(q.endToEnd.p99)} ms`,
  );
  lines.push(
    `  in ${formatRate(q.inRate)} msg/s, out ${formatRate(q.outRate)} msg/s · backlog mean ${q.meanBacklog.toFixed(1)}, max ${formatCount(q.maxBacklog)}, now ${formatCount(q.backlog)} (oldest ${q.oldestAge.toFixed(1)} s) · in flight ${formatCount(q.inFlight)}`,
  );
  const whole = [
    `${formatCount(q.accepted)} accepted`,
    `${formatCount(q.acknowledged)} acknowledged`,
    `${formatCount(q.rejected)} refused (backlog full)`,
    `${formatCount(q.redeliveries)} redelivered`,
    `${formatCount(q.duplicates)} duplicates`,
    `${formatCount(q.deadLettered)} dead letters`,
    ...(q.expired > 0 ? [`${formatCount(q.expired)} dropped for age`] : []),
  ];
  lines.push(`  whole run: ${whole.join(' · ')}`);
  return lines;
}

/** For a topic: messages published and how the copies fared. */
export function topicLines(node: NodeReportOf<'topic'>, name: string): string[] {
  const t = node.topic;
  return [
    '',
    `Topic ${name}: ${formatCount(t.published)} published to ${formatCount(t.subscribers)} subscribers`,
    `  ${formatCount(t.copies)} copies sent · ${formatCount(t.delivered)} delivered · ${formatCount(t.failed)} failed · ${formatCount(t.inFlight)} still out`,
  ];
}
