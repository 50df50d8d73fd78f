/** What message queues and topics report: public shapes, re-exported from engine/types.ts. */

import type { LatencySummary } from '../types';

/**
 * A message queue's figures. Every message it accepted is in exactly one of
 * these states, so `accepted = acknowledged + deadLettered + expired +
 * backlog + inFlight` holds at every instant (the conservation the tests check).
 */
export interface QueueFigures {
  /** Messages stored (whole run). */
  accepted: number;
  /** Producers' requests refused because the backlog was full (whole run). */
  rejected: number;
  /** Messages a consumer processed and acknowledged, counted once each (whole run). */
  acknowledged: number;
  /** Deliveries sent to consumers, redeliveries included (whole run). */
  deliveries: number;
  /** Deliveries that failed, crashed or ran past the visibility timeout, so the message was offered again (whole run). */
  redeliveries: number;
  /** Messages processed successfully more than once: every success after the first (whole run). */
  duplicates: number;
  /** Messages given up after `maxDeliveries` failed deliveries (whole run). */
  deadLettered: number;
  /** Messages dropped because they waited longer than `maxAge` (whole run). */
  expired: number;
  /** Messages waiting to be delivered now. */
  backlog: number;
  /** Messages delivered and not yet acknowledged now. */
  inFlight: number;
  /** Seconds the oldest waiting message has waited now (0 when none waits). */
  oldestAge: number;
  /** Time-averaged backlog since measurement began. */
  meanBacklog: number;
  /** Largest backlog seen (whole run). */
  maxBacklog: number;
  /** Mean seconds a message waited in the backlog per visit, for visits that ended after measurement began. */
  meanBacklogWait: number;
  /** Messages accepted per second since measurement began. */
  inRate: number;
  /** Messages acknowledged per second since measurement began. */
  outRate: number;
  /** What a producer waited for its acknowledgement: from its send to the ack back (measured messages). */
  ackLatency: LatencySummary;
  /** From enqueue to the first acknowledgement of the consumer's work (measured messages). */
  endToEnd: LatencySummary;
}

/** A topic's figures: what was published and how the copies fared. */
export interface TopicFigures {
  /** Messages published to the topic (whole run). */
  published: number;
  /** Subscribers linked now. */
  subscribers: number;
  /** Copies sent to subscribers (whole run). */
  copies: number;
  /** Copies a subscriber answered with success (whole run). */
  delivered: number;
  /** Copies a subscriber answered with a failure, or the engine could not send (whole run). */
  failed: number;
  /** Copies out now. */
  inFlight: number;
}

/** Live figures of a message queue for its card. */
export interface QueueLive {
  backlog: number;
  inFlight: number;
  oldestAge: number;
  deadLettered: number;
  duplicates: number;
}
