import type { ClientNode } from '../../scenario/schema';
import type { Commit } from './fields-props';
import { CatalogueFields } from './CatalogueFields';
import { CheckboxField } from './CheckboxField';
import { DistributionField } from './DistributionField';
import { SPECS } from './field-spec';
import { NumberField } from './NumberField';
import { RequestMixEditor } from './RequestMixEditor';
import { Section } from './Section';
import { SelectField } from './SelectField';

/** A client: how much it sends first; timeouts, retries and what its requests look like folded below. */
export function ClientFields({ node, commit }: { node: ClientNode; commit: Commit }) {
  const { workload, retries } = node;
  return (
    <>
      <SelectField
        label="Workload"
        value={workload.mode}
        options={[
          { value: 'open', label: 'Open: a steady arrival rate' },
          { value: 'closed', label: 'Closed: users who wait for answers' },
        ]}
        onChange={(mode) =>
          commit(
            { workload: mode === 'open' ? { mode, rate: 20 } : { mode, users: 50, thinkTime: { type: 'exponential', mean: 1 } } },
            'workload',
          )
        }
      />
      {workload.mode === 'open' ? (
        <NumberField label="Rate" value={workload.rate} spec={SPECS.rate} onCommit={(rate) => commit({ workload: { ...workload, rate: rate ?? 0 } }, 'rate')} />
      ) : (
        <>
          <NumberField label="Users" value={workload.users} spec={SPECS.users} onCommit={(users) => commit({ workload: { ...workload, users: users ?? 0 } }, 'users')} />
          <DistributionField label="Think time" value={workload.thinkTime} onCommit={(thinkTime) => commit({ workload: { ...workload, thinkTime } }, 'thinkTime')} />
        </>
      )}
      <Section title="Timeouts and retries" summary={describeRetries(node)}>
        <NumberField label="Timeout" value={node.timeout} spec={SPECS.timeout} onCommit={(timeout) => commit({ timeout }, 'timeout')} />
        <NumberField label="Retries" value={retries.count} spec={SPECS.retryCount} onCommit={(count) => commit({ retries: { ...retries, count: count ?? 0 } }, 'retryCount')} />
        <NumberField label="Retry backoff" value={retries.backoff} spec={SPECS.backoff} onCommit={(backoff) => commit({ retries: { ...retries, backoff: backoff ?? 0 } }, 'backoff')} />
        <label className="field field--check">
          <input type="checkbox" checked={retries.jitter} onChange={(event) => commit({ retries: { ...retries, jitter: event.target.checked } }, 'jitter')} />
          Jitter the backoff (wait a random part of it)
        </label>
        <CheckboxField
          label="Honour Retry-After"
          note="After a 429, wait as long as the gateway asks before retrying."
          checked={retries.honourRetryAfter}
          onChange={(honourRetryAfter) => commit({ retries: { ...retries, honourRetryAfter } }, 'honourRetryAfter')}
        />
      </Section>
      <Section title="Connections" summary={describeConnections(node)}>
        <NumberField
          label="Requests per connection"
          note="Mean requests a user sends on one connection; an L4 balancer picks a server per connection"
          value={node.connections.requestsPerConnection}
          spec={SPECS.requestsPerConnection}
          onCommit={(n) => commit({ connections: { ...node.connections, requestsPerConnection: n ?? 1 } }, 'requestsPerConnection')}
        />
        <NumberField
          label="Connection lifetime"
          note="A connection older than this closes after its next request"
          value={node.connections.lifetime}
          spec={SPECS.connectionLifetime}
          onCommit={(lifetime) => commit({ connections: { ...node.connections, lifetime } }, 'connectionLifetime')}
        />
      </Section>
      <Section title="What the requests look like" summary={`${node.mix.length} request type${node.mix.length === 1 ? '' : 's'}${node.https ? ', HTTPS' : ''}`}>
        <NumberField
          label="Writes"
          note="Share of requests that are writes"
          value={node.writeRatio}
          spec={SPECS.writeRatio}
          onCommit={(writeRatio) => commit({ writeRatio: writeRatio ?? 0 }, 'writeRatio')}
        />
        <NumberField
          label="Addresses"
          note="Distinct client addresses; IP hash and consistent hashing key on them"
          value={node.addresses}
          spec={SPECS.addresses}
          onCommit={(addresses) => commit({ addresses: addresses ?? 0 }, 'addresses')}
        />
        <CatalogueFields catalogue={node.catalogue} commit={(catalogue, field) => commit({ catalogue }, field)} />
        <RequestMixEditor mix={node.mix} commit={(mix, field) => commit({ mix }, field)} />
        <NumberField
          label="Invalid credentials"
          note="Share of requests with no or a bad token; a gateway that authenticates answers them 401"
          value={node.invalidCredentials}
          spec={SPECS.percent}
          onCommit={(invalidCredentials) => commit({ invalidCredentials: invalidCredentials ?? 0 }, 'invalidCredentials')}
        />
        <CheckboxField
          label="HTTPS"
          note="Requests arrive over TLS; whoever decrypts them pays the CPU cost."
          checked={node.https}
          onChange={(https) => commit({ https }, 'https')}
        />
      </Section>
    </>
  );
}

function describeConnections(node: ClientNode): string {
  const { requestsPerConnection: n, lifetime } = node.connections;
  const length = n === 1 ? 'one per request' : `about ${n.toLocaleString('en-US')} requests each`;
  return lifetime === null ? length : `${length}, at most ${lifetime} s`;
}

function describeRetries(node: ClientNode): string {
  const timeout = node.timeout === null ? 'no timeout' : `timeout ${Math.round(node.timeout * 1000)} ms`;
  const retries = node.retries.count === 0 ? 'no retries' : `${node.retries.count} retr${node.retries.count === 1 ? 'y' : 'ies'}`;
  return `${timeout}, ${retries}`;
}
