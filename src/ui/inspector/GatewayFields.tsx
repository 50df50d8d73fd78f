import { formatSeconds } from '../../canvas/format';
import { GATEWAY_AUTH_MODES, type GatewayAuth, type GatewayNode, RATE_LIMIT_POLICIES, RATE_LIMIT_SCOPES, type RateLimit } from '../../scenario/gateway-schema';
import { CheckboxField } from './CheckboxField';
import type { FieldsProps } from './fields-props';
import { GATEWAY_SPECS as SPECS } from './gateway-specs';
import { GatewayRoutesEditor } from './GatewayRoutesEditor';
import { NumberField } from './NumberField';
import { Section } from './Section';
import { SelectField } from './SelectField';

const AUTH_LABELS: Record<GatewayAuth['mode'], string> = {
  none: 'None: every request passes',
  local: 'Validate tokens here (CPU per check)',
  service: 'Ask an auth service (cached tokens)',
};
const POLICY_LABELS: Record<RateLimit['policy'], string> = {
  none: 'None',
  tokenBucket: 'Token bucket (rate, burst)',
  slidingWindow: 'Sliding window (limit per window)',
};
const SCOPE_LABELS: Record<RateLimit['scope'], string> = {
  global: 'Global: one limit for everyone',
  perClient: 'Per client: each client node is a tenant',
  perRoute: 'Per route',
};
const options = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((value) => ({ value, label: labels[value] }));

/**
 * An API gateway: its own workers and queue first, then folded sections for
 * CPU and TLS, authentication, the rate limit and the route table.
 */
export function GatewayFields({ node, targets, commit }: FieldsProps<'gateway'>) {
  const { auth, rateLimit } = node;
  const setAuth = (patch: Partial<GatewayAuth>, field: string) => commit({ auth: { ...auth, ...patch } }, field);
  const setLimit = (patch: Partial<RateLimit>, field: string) => commit({ rateLimit: { ...rateLimit, ...patch } }, field);
  const authServices = targets.map((t) => ({ value: t.id, label: t.label || t.id }));
  return (
    <>
      <NumberField label="Workers" value={node.workers} spec={SPECS.workers} onCommit={(workers) => commit({ workers: workers ?? 0 }, 'workers')} />
      <NumberField label="Queue capacity" value={node.queueCapacity} spec={SPECS.queueCapacity} onCommit={(queueCapacity) => commit({ queueCapacity }, 'queueCapacity')} />
      <Section title="CPU per request" summary={cpuSummary(node)}>
        <NumberField label="Routing overhead" note="CPU time to match a route and proxy one request" value={node.overhead} spec={SPECS.cpu} onCommit={(v) => commit({ overhead: v ?? 0 }, 'overhead')} />
        <CheckboxField
          label="Terminate TLS here"
          note="The services behind then skip decryption."
          checked={node.tlsTermination}
          onChange={(tlsTermination) => commit({ tlsTermination }, 'tlsTermination')}
        />
        {node.tlsTermination && <NumberField label="TLS cost" note="CPU time to decrypt one request" value={node.tlsCost} spec={SPECS.cpu} onCommit={(v) => commit({ tlsCost: v ?? 0 }, 'tlsCost')} />}
        <NumberField
          label="Transform cost"
          note="CPU time per KB of request and response body (sizes are set per route)"
          value={node.transformCostPerKB}
          spec={SPECS.transformCost}
          onCommit={(v) => commit({ transformCostPerKB: v ?? 0 }, 'transformCostPerKB')}
        />
      </Section>
      <Section title="Authentication" summary={auth.mode === 'none' ? 'none' : auth.mode === 'local' ? 'tokens checked here' : 'auth service'}>
        <SelectField
          label="Check credentials"
          value={auth.mode}
          options={options(GATEWAY_AUTH_MODES, AUTH_LABELS)}
          note="Requests without valid credentials (set on each client) are answered 401 here."
          onChange={(mode) => setAuth(mode === 'service' ? { mode, service: auth.service ?? targets[0]?.id ?? null } : { mode }, 'authMode')}
        />
        {auth.mode !== 'none' && (
          <NumberField label="Check cost" note="CPU time per check (or token-cache look-up)" value={auth.checkCost} spec={SPECS.cpu} onCommit={(v) => setAuth({ checkCost: v ?? 0 }, 'checkCost')} />
        )}
        {auth.mode === 'service' && (
          <>
            <SelectField
              label="Auth service"
              value={auth.service ?? ''}
              options={auth.service === null ? [{ value: '', label: 'Link a service first' }, ...authServices] : authServices}
              onChange={(service) => setAuth({ service: service === '' ? null : service }, 'authService')}
            />
            <NumberField label="Token cache TTL" note="How long an accepted token is trusted without asking again" value={auth.cacheTtl} spec={SPECS.cacheTtl} onCommit={(v) => setAuth({ cacheTtl: v ?? 0 }, 'cacheTtl')} />
          </>
        )}
      </Section>
      <Section title="Rate limit" summary={limitSummary(rateLimit)}>
        <SelectField label="Policy" value={rateLimit.policy} options={options(RATE_LIMIT_POLICIES, POLICY_LABELS)} onChange={(policy) => setLimit({ policy }, 'policy')} note="Over the limit, requests are answered 429 with a Retry-After." />
        {rateLimit.policy !== 'none' && (
          <SelectField label="Scope" value={rateLimit.scope} options={options(RATE_LIMIT_SCOPES, SCOPE_LABELS)} onChange={(scope) => setLimit({ scope }, 'scope')} />
        )}
        {rateLimit.policy === 'tokenBucket' && (
          <>
            <NumberField label="Rate" note="Tokens added per second" value={rateLimit.rate} spec={SPECS.rate} onCommit={(v) => setLimit({ rate: v ?? 0 }, 'rate')} />
            <NumberField label="Burst" note="Bucket size: what passes at once after a quiet spell" value={rateLimit.burst} spec={SPECS.burst} onCommit={(v) => setLimit({ burst: v ?? 0 }, 'burst')} />
          </>
        )}
        {rateLimit.policy === 'slidingWindow' && (
          <>
            <NumberField label="Limit" note="Requests admitted in any window" value={rateLimit.limit} spec={SPECS.limit} onCommit={(v) => setLimit({ limit: v ?? 0 }, 'limit')} />
            <NumberField label="Window" value={rateLimit.window} spec={SPECS.window} onCommit={(v) => setLimit({ window: v ?? 0 }, 'window')} />
          </>
        )}
      </Section>
      <Section title="Routes" summary={node.routes.length === 0 ? 'none: all to its links' : `${node.routes.length} route${node.routes.length === 1 ? '' : 's'}`}>
        <GatewayRoutesEditor routes={node.routes} targets={targets} commit={(routes, field) => commit({ routes }, field)} />
      </Section>
    </>
  );
}

function cpuSummary(node: GatewayNode): string {
  const parts = [`${formatSeconds(node.overhead)} a request`];
  if (node.tlsTermination) parts.push('terminates TLS');
  if (node.transformCostPerKB > 0) parts.push('transforms');
  return parts.join(', ');
}

function limitSummary(limit: RateLimit): string {
  if (limit.policy === 'none') return 'none';
  const scope = { global: 'global', perClient: 'per client', perRoute: 'per route' }[limit.scope];
  return limit.policy === 'tokenBucket' ? `${limit.rate}/s, burst ${limit.burst}, ${scope}` : `${limit.limit} per ${limit.window} s, ${scope}`;
}
