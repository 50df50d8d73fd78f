import { SPECS } from './field-spec';
import type { FieldsProps } from './fields-props';
import { NumberField } from './NumberField';
import { Section } from './Section';

/* The fields of the asynchronous kinds: message queues and topics. */

/** A message queue: what producers wait for, the backlog, how consumers pull, and what happens to failures. */
export function MessageQueueFields({ node, commit }: FieldsProps<'messageQueue'>) {
  return (
    <>
      <NumberField
        label="Ack latency"
        note="What a producer waits: the message is stored, then acknowledged"
        value={node.ackLatency}
        spec={SPECS.time}
        onCommit={(ackLatency) => commit({ ackLatency: ackLatency ?? 0 }, 'ackLatency')}
      />
      <NumberField
        label="Backlog capacity"
        note="Messages waiting; one more is refused with “backlog full”"
        value={node.capacity}
        spec={SPECS.backlogCapacity}
        onCommit={(capacity) => commit({ capacity }, 'capacity')}
      />
      <NumberField
        label="Prefetch"
        note="Unacknowledged messages each consumer (a server it links to) may hold"
        value={node.prefetch}
        spec={SPECS.prefetch}
        onCommit={(prefetch) => commit({ prefetch: prefetch ?? 1 }, 'prefetch')}
      />
      <Section title="Redelivery" summary={`after ${node.visibilityTimeout} s · ${node.maxDeliveries} tries`}>
        <NumberField
          label="Visibility timeout"
          note="Not acknowledged by then, the message is delivered again (a duplicate if the first consumer finishes)"
          value={node.visibilityTimeout}
          spec={SPECS.visibilityTimeout}
          onCommit={(visibilityTimeout) => commit({ visibilityTimeout: visibilityTimeout ?? 0 }, 'visibilityTimeout')}
        />
        <NumberField
          label="Max deliveries"
          note="Failed deliveries before the message goes to the dead letters"
          value={node.maxDeliveries}
          spec={SPECS.maxDeliveries}
          onCommit={(maxDeliveries) => commit({ maxDeliveries: maxDeliveries ?? 1 }, 'maxDeliveries')}
        />
        <NumberField
          label="Drop older than"
          note="Messages that waited longer are dropped, not delivered"
          value={node.maxAge}
          spec={SPECS.messageMaxAge}
          onCommit={(maxAge) => commit({ maxAge }, 'maxAge')}
        />
      </Section>
    </>
  );
}

/** A topic: the publisher's wait; every node it links to is a subscriber. */
export function TopicFields({ node, commit }: FieldsProps<'topic'>) {
  return (
    <NumberField
      label="Ack latency"
      note="What a publisher waits; each node the topic links to gets a copy"
      value={node.ackLatency}
      spec={SPECS.time}
      onCommit={(ackLatency) => commit({ ackLatency: ackLatency ?? 0 }, 'ackLatency')}
    />
  );
}
