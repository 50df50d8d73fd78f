import type { Autoscaling, ScalingPolicy } from '../../scenario/elastic-schema';
import type { ServerNode } from '../../scenario/schema';
import { CheckboxField } from './CheckboxField';
import { SPECS } from './field-spec';
import type { Commit } from './fields-props';
import { NumberField } from './NumberField';
import { patchAt } from './patch-at';
import { Section } from './Section';
import { SelectField } from './SelectField';

type PolicyType = ScalingPolicy['type'];

const POLICY_OPTIONS: { value: PolicyType; label: string }[] = [
  { value: 'cpu', label: 'Target CPU utilization' },
  { value: 'backlog', label: 'Queue backlog per instance' },
  { value: 'schedule', label: 'Schedule' },
];

const POLICY_NOTES: Record<PolicyType, string> = {
  cpu: 'Instances = ⌈serving × utilization ÷ target⌉, decided every interval.',
  backlog: 'For a queue consumer: instances = ⌈messages waiting ÷ per instance⌉.',
  schedule: 'The instance count changes at set times, whatever the load.',
};

/** A new policy of `type`, keeping what makes sense of the old one. */
function policyOf(type: PolicyType, replicas: number): ScalingPolicy {
  if (type === 'cpu') return { type, target: 0.6 };
  if (type === 'backlog') return { type, perInstance: 100 };
  return { type, steps: [{ at: 0, replicas }] };
}

/** Turned on: the group scales between 1 and twice what it runs now, on CPU. */
function defaultAutoscaling(node: ServerNode): Autoscaling {
  return { min: 1, max: Math.min(64, Math.max(2, node.replicas * 2)), policy: policyOf('cpu', node.replicas), interval: 10, coldStart: 30, cooldown: 60 };
}

function summaryOf(scaling: Autoscaling | null): string {
  if (!scaling) return 'off';
  const policy = scaling.policy;
  const by = policy.type === 'cpu' ? `CPU ${Math.round(policy.target * 100)} %` : policy.type === 'backlog' ? `${policy.perInstance} msgs each` : 'schedule';
  return `${scaling.min}–${scaling.max} instances, ${by}`;
}

/** A server group that scales out and in: bounds, policy, how often it decides, cold start and cooldown. */
export function AutoscalingFields({ node, commit }: { node: ServerNode; commit: Commit }) {
  const scaling = node.autoscaling;
  const set = (patch: Partial<Autoscaling>, field: string) => (scaling ? commit({ autoscaling: { ...scaling, ...patch } }, `autoscaling.${field}`) : null);
  return (
    <Section title="Autoscaling" summary={summaryOf(scaling)}>
      <CheckboxField
        label="Scale out and in with the load"
        note="Replicas become the count the run starts with; the group stays between min and max."
        checked={scaling !== null}
        onChange={(on) => commit({ autoscaling: on ? defaultAutoscaling(node) : null }, 'autoscaling')}
      />
      {scaling && (
        <>
          <NumberField label="Min instances" value={scaling.min} spec={SPECS.instances} onCommit={(min) => set({ min: min ?? 1 }, 'min')} />
          <NumberField label="Max instances" value={scaling.max} spec={SPECS.instances} onCommit={(max) => set({ max: max ?? 1 }, 'max')} />
          <SelectField
            label="Policy"
            value={scaling.policy.type}
            options={POLICY_OPTIONS}
            note={POLICY_NOTES[scaling.policy.type]}
            onChange={(type) => set({ policy: policyOf(type, node.replicas) }, 'policy')}
          />
          <PolicyFields policy={scaling.policy} commit={(policy, field) => set({ policy }, `policy.${field}`)} />
          {scaling.policy.type !== 'schedule' && (
            <NumberField
              label="Decision interval"
              note="The autoscaler looks at the interval just ended"
              value={scaling.interval}
              spec={SPECS.scalingInterval}
              onCommit={(interval) => set({ interval: interval ?? 10 }, 'interval')}
            />
          )}
          <NumberField
            label="Cold start"
            note="A new instance boots this long, serving nothing, before it serves"
            value={scaling.coldStart}
            spec={SPECS.coldStart}
            onCommit={(coldStart) => set({ coldStart: coldStart ?? 0 }, 'coldStart')}
          />
          {scaling.policy.type !== 'schedule' && (
            <NumberField
              label="Cooldown"
              note="No scale-in this soon after the last scaling action"
              value={scaling.cooldown}
              spec={SPECS.cooldown}
              onCommit={(cooldown) => set({ cooldown: cooldown ?? 0 }, 'cooldown')}
            />
          )}
        </>
      )}
    </Section>
  );
}

const MAX_STEPS = 100;

/** The chosen policy's parameter: a target, a backlog per instance, or the schedule's steps. */
function PolicyFields({ policy, commit }: { policy: ScalingPolicy; commit(policy: ScalingPolicy, field: string): string | null }) {
  if (policy.type === 'cpu') {
    return (
      <NumberField
        label="Target utilization"
        value={policy.target}
        spec={SPECS.cpuTarget}
        onCommit={(target) => commit({ ...policy, target: target ?? 0.6 }, 'target')}
      />
    );
  }
  if (policy.type === 'backlog') {
    return (
      <NumberField
        label="Backlog per instance"
        note="Messages waiting that one instance should take on"
        value={policy.perInstance}
        spec={SPECS.backlogPerInstance}
        onCommit={(perInstance) => commit({ ...policy, perInstance: perInstance ?? 100 }, 'perInstance')}
      />
    );
  }
  const steps = policy.steps;
  const change = (index: number, patch: Partial<(typeof steps)[number]>, field: string) =>
    commit({ ...policy, steps: patchAt(steps, index, patch) }, `steps.${index}.${field}`);
  return (
    <fieldset className="distribution">
      <legend>Schedule</legend>
      {steps.map((step, index) => {
        const n = index + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: steps have no identity beyond their place in the list
          <div className="route" key={index}>
            <NumberField label={`Step ${n} from`} value={step.at} spec={SPECS.scheduleAt} onCommit={(at) => change(index, { at: at ?? 0 }, 'at')} />
            <NumberField label={`Step ${n} instances`} value={step.replicas} spec={SPECS.instances} onCommit={(replicas) => change(index, { replicas: replicas ?? 1 }, 'replicas')} />
            {steps.length > 1 && (
              <button type="button" className="button" onClick={() => commit({ ...policy, steps: steps.filter((_, i) => i !== index) }, 'steps.remove')}>
                Remove step {n}
              </button>
            )}
          </div>
        );
      })}
      <button
        type="button"
        className="button"
        disabled={steps.length >= MAX_STEPS}
        onClick={() => {
          const last = steps.at(-1);
          commit({ ...policy, steps: [...steps, { at: (last?.at ?? 0) + 60, replicas: last?.replicas ?? 1 }] }, 'steps.add');
        }}
      >
        Add a step
      </button>
    </fieldset>
  );
}
