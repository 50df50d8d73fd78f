import { BreakerSchema, type CallPolicy, CallPolicySchema } from '../../scenario/call-schema';
import { CALLER_KINDS } from '../../scenario/call-rules';
import type { NodeKind } from '../../scenario/schema';
import { CheckboxField } from './CheckboxField';
import { SPECS } from './field-spec';
import { NumberField } from './NumberField';
import { Section } from './Section';

interface CallPolicyFieldsProps {
  /** The policy on the link, or undefined for a plain hop. */
  call: CallPolicy | undefined;
  /** Kind of the node that sends on the link: only clients and servers call. */
  senderKind: NodeKind | undefined;
  senderName: string;
  /** Stores the new policy (undefined: none); returns why the store refused it, or null. */
  commit(call: CallPolicy | undefined, field: string): string | null;
}

/** A link's call policy: timeout, retries, retry budget, circuit breaker, bulkhead (docs/scenario-format.md, "Call policies"). */
export function CallPolicyFields({ call, senderKind, senderName, commit }: CallPolicyFieldsProps) {
  if (senderKind === undefined || !CALLER_KINDS.has(senderKind)) {
    return <p className="inspector__note">Call policies (timeouts, retries, breakers, bulkheads) go on links from clients and servers.</p>;
  }
  const waits = senderKind === 'client' ? 'the request waits' : `a worker of ${senderName} waits for the answer`;
  return (
    <section className="call-policy" aria-label="Call policy">
      <h3 className="panel-subtitle">Call policy</h3>
      <CheckboxField
        label="Calls with a policy"
        note={`Each request becomes a call: ${waits}; attempts may time out, retry, be refused by a breaker or a bulkhead.`}
        checked={call !== undefined}
        onChange={(on) => commit(on ? CallPolicySchema.parse({}) : undefined, 'call')}
      />
      {call && <PolicyFields call={call} commit={commit} />}
    </section>
  );
}

/** The fields of a policy in force (a link's, or the service mesh's). */
export function PolicyFields({ call, commit }: { call: CallPolicy; commit: CallPolicyFieldsProps['commit'] }) {
  const set = (patch: Partial<CallPolicy>, field: string) => commit({ ...call, ...patch }, field);
  const { retries, budget, breaker } = call;
  return (
    <>
      <Section title="Timeout and retries" summary={describeRetries(call)}>
        <NumberField label="Call timeout" value={call.timeout} spec={SPECS.timeout} onCommit={(timeout) => set({ timeout }, 'call.timeout')} />
        <NumberField label="Call retries" value={retries.count} spec={SPECS.retryCount} onCommit={(count) => set({ retries: { ...retries, count: count ?? 0 } }, 'call.retries')} />
        <NumberField label="Call backoff" value={retries.backoff} spec={SPECS.backoff} onCommit={(backoff) => set({ retries: { ...retries, backoff: backoff ?? 0 } }, 'call.backoff')} />
        <CheckboxField label="Jitter the backoff" checked={retries.jitter} onChange={(jitter) => set({ retries: { ...retries, jitter } }, 'call.jitter')} />
      </Section>
      <Section title="Retry budget" summary={budget ? `${budget.percent}% of calls` : 'none'}>
        <CheckboxField
          label="Retry budget"
          note="Retries at most a share of calls (a token bucket), so retries cannot multiply an overload."
          checked={budget !== null}
          onChange={(on) => set({ budget: on ? { percent: 10, burst: 10 } : null }, 'call.budget')}
        />
        {budget && (
          <>
            <NumberField label="Budget" value={budget.percent} spec={SPECS.budgetPercent} onCommit={(percent) => set({ budget: { ...budget, percent: percent ?? 0 } }, 'call.budget.percent')} />
            <NumberField label="Budget burst" value={budget.burst} spec={SPECS.budgetBurst} onCommit={(burst) => set({ budget: { ...budget, burst: burst ?? 1 } }, 'call.budget.burst')} />
          </>
        )}
      </Section>
      <Section title="Circuit breaker" summary={breaker ? `opens at ${breaker.failureRate}% of ${breaker.window} calls` : 'none'}>
        <CheckboxField
          label="Circuit breaker"
          note="Opens when too many recent calls fail or are slow; while open, calls fail at once with “circuit open”."
          checked={breaker !== null}
          onChange={(on) => set({ breaker: on ? BreakerSchema.parse({}) : null }, 'call.breaker')}
        />
        {breaker && <BreakerFields breaker={breaker} set={(next, field) => set({ breaker: next }, field)} />}
      </Section>
      <NumberField
        label="Max concurrent calls"
        note="Bulkhead: calls beyond fail at once with “bulkhead full”, so a slow dependency cannot hold every worker."
        value={call.maxConcurrent}
        spec={SPECS.maxConcurrent}
        onCommit={(maxConcurrent) => set({ maxConcurrent }, 'call.maxConcurrent')}
      />
    </>
  );
}

function describeRetries(call: CallPolicy): string {
  const timeout = call.timeout === null ? 'no timeout' : `timeout ${Math.round(call.timeout * 1000)} ms`;
  const count = call.retries.count;
  return `${timeout}, ${count === 0 ? 'no retries' : `${count} retr${count === 1 ? 'y' : 'ies'}`}`;
}

type Breaker = NonNullable<CallPolicy['breaker']>;

function BreakerFields({ breaker, set }: { breaker: Breaker; set(next: Breaker, field: string): string | null }) {
  const field = (key: keyof Breaker) => (value: number | null) => set({ ...breaker, [key]: value }, `call.breaker.${key}`);
  return (
    <>
      <NumberField label="Window" note="The last this-many calls the rates are taken over" value={breaker.window} spec={SPECS.breakerWindow} onCommit={field('window')} />
      <NumberField label="Minimum calls" value={breaker.minimumCalls} spec={SPECS.breakerWindow} onCommit={field('minimumCalls')} />
      <NumberField label="Failure rate" value={breaker.failureRate} spec={SPECS.breakerRate} onCommit={field('failureRate')} />
      <NumberField label="Slow call" value={breaker.slowCallDuration} spec={SPECS.slowCall} onCommit={field('slowCallDuration')} />
      <NumberField label="Slow call rate" value={breaker.slowCallRate} spec={SPECS.breakerRate} onCommit={field('slowCallRate')} />
      <NumberField label="Open for" value={breaker.openDuration} spec={SPECS.openDuration} onCommit={field('openDuration')} />
      <NumberField label="Open jitter" value={breaker.openJitter} spec={SPECS.openJitter} onCommit={field('openJitter')} />
      <NumberField label="Half-open probes" value={breaker.halfOpenProbes} spec={SPECS.halfOpenProbes} onCommit={field('halfOpenProbes')} />
    </>
  );
}
