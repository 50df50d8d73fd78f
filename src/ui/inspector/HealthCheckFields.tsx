import type { HealthCheck } from '../../scenario/schema';
import { CheckboxField } from './CheckboxField';
import { SPECS } from './field-spec';
import { NumberField } from './NumberField';

interface HealthCheckFieldsProps {
  healthCheck: HealthCheck;
  commit(healthCheck: HealthCheck, field: string): string | null;
}

/** How a balancer finds broken targets: by probing them (active) or by watching their answers (passive). */
export function HealthCheckFields({ healthCheck, commit }: HealthCheckFieldsProps) {
  const { active, passive } = healthCheck;
  const set = (patch: Partial<HealthCheck>, field: string) => commit({ ...healthCheck, ...patch }, field);
  return (
    <>
      <fieldset className="distribution">
        <legend>Active health check</legend>
        <CheckboxField
          label="Probe each target on a timer"
          checked={active !== null}
          onChange={(on) => set({ active: on ? { interval: 5, timeout: 1, healthyThreshold: 2, unhealthyThreshold: 3 } : null }, 'active')}
        />
        {active && (
          <>
            <NumberField label="Probe interval" value={active.interval} spec={SPECS.probeInterval} onCommit={(v) => set({ active: { ...active, interval: v ?? 0 } }, 'interval')} />
            <NumberField label="Probe timeout" value={active.timeout} spec={SPECS.probeTimeout} onCommit={(v) => set({ active: { ...active, timeout: v ?? 0 } }, 'probeTimeout')} />
            <NumberField
              label="Healthy after"
              value={active.healthyThreshold}
              spec={SPECS.probeThreshold}
              onCommit={(v) => set({ active: { ...active, healthyThreshold: v ?? 0 } }, 'healthyThreshold')}
            />
            <NumberField
              label="Unhealthy after"
              value={active.unhealthyThreshold}
              spec={SPECS.probeThreshold}
              onCommit={(v) => set({ active: { ...active, unhealthyThreshold: v ?? 0 } }, 'unhealthyThreshold')}
            />
          </>
        )}
      </fieldset>
      <fieldset className="distribution">
        <legend>Passive health check</legend>
        <CheckboxField
          label="Eject a target after failed answers"
          checked={passive !== null}
          onChange={(on) => set({ passive: on ? { consecutiveFailures: 5, cooloff: 10 } : null }, 'passive')}
        />
        {passive && (
          <>
            <NumberField
              label="Eject after"
              value={passive.consecutiveFailures}
              spec={SPECS.consecutiveFailures}
              onCommit={(v) => set({ passive: { ...passive, consecutiveFailures: v ?? 0 } }, 'consecutiveFailures')}
            />
            <NumberField label="Cool-off" value={passive.cooloff} spec={SPECS.cooloff} onCommit={(v) => set({ passive: { ...passive, cooloff: v ?? 0 } }, 'cooloff')} />
          </>
        )}
      </fieldset>
    </>
  );
}
