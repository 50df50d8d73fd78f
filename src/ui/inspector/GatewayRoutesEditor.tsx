import { type GatewayRoute, ROUTE_METHODS } from '../../scenario/gateway-schema';
import type { ScenarioNode } from '../../scenario/schema';
import { CheckboxField } from './CheckboxField';
import { GATEWAY_SPECS as SPECS } from './gateway-specs';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';
import { TextField } from './TextField';
import { patchAt } from './patch-at';

interface GatewayRoutesEditorProps {
  routes: readonly GatewayRoute[];
  /** The nodes the gateway links to, which routes call. */
  targets: readonly ScenarioNode[];
  commit(routes: GatewayRoute[], field: string): string | null;
}

/** The route table: first match wins; a route with several services calls them all in parallel. */
export function GatewayRoutesEditor({ routes, targets, commit }: GatewayRoutesEditorProps) {
  const change = (index: number, patch: Partial<GatewayRoute>, field: string) =>
    commit(
      patchAt(routes, index, patch),
      `route-${index}-${field}`,
    );
  const first = targets[0];
  return (
    <fieldset className="distribution">
      <legend>Routes</legend>
      {routes.length === 0 && <p className="inspector__note">No routes: every request goes to the nodes it links to (by link weight).</p>}
      {routes.length > 0 && <p className="inspector__note">A request no route matches fails with “no route” (404).</p>}
      {routes.map((route, index) => {
        const n = index + 1;
        const fanOut = route.services.length;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: routes have no identity beyond their order, which is also their priority
          <div className="route" key={index}>
            <SelectField label={`Route ${n} method`} value={route.method} options={ROUTE_METHODS.map((value) => ({ value, label: value }))} onChange={(method) => change(index, { method }, 'method')} />
            <TextField label={`Route ${n} path prefix`} value={route.pathPrefix} maxLength={200} onCommit={(pathPrefix) => change(index, { pathPrefix }, 'path')} />
            <TextField
              label={`Route ${n} rewrites the prefix to`}
              value={route.rewritePrefix ?? ''}
              maxLength={200}
              placeholder="unchanged"
              onCommit={(text) => change(index, { rewritePrefix: text.trim() === '' ? null : text.trim() }, 'rewrite')}
            />
            <div className="route__targets">
              <span className="route__caption">Route {n} calls {fanOut > 1 ? 'all in parallel' : ''}</span>
              {targets.map((target) => (
                <CheckboxField
                  key={target.id}
                  label={target.label || target.id}
                  checked={route.services.includes(target.id)}
                  // A route needs a service: the last one stays until the route is removed.
                  disabled={fanOut === 1 && route.services[0] === target.id}
                  onChange={(on) =>
                    change(index, { services: on ? [...route.services, target.id] : route.services.filter((t) => t !== target.id) }, 'services')
                  }
                />
              ))}
            </div>
            {fanOut > 1 && (
              <NumberField
                label={`Route ${n} quorum`}
                note={`Answer once this many of the ${fanOut} replied`}
                value={route.quorum}
                spec={SPECS.quorum}
                onCommit={(quorum) => change(index, { quorum }, 'quorum')}
              />
            )}
            <NumberField label={`Route ${n} timeout`} note="Then the gateway answers 504" value={route.timeout} spec={SPECS.timeout} onCommit={(timeout) => change(index, { timeout }, 'timeout')} />
            <NumberField label={`Route ${n} request size`} value={route.requestBytes} spec={SPECS.bytes} onCommit={(v) => change(index, { requestBytes: v ?? 0 }, 'requestBytes')} />
            <NumberField label={`Route ${n} response size`} value={route.responseBytes} spec={SPECS.bytes} onCommit={(v) => change(index, { responseBytes: v ?? 0 }, 'responseBytes')} />
            <button type="button" className="button" onClick={() => commit(routes.filter((_, i) => i !== index), 'remove')}>
              Remove route {n}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button"
        disabled={!first || routes.length >= 20}
        title={first ? undefined : 'Link this gateway to its services first'}
        onClick={() =>
          first &&
          commit(
            [...routes, { method: 'ANY', pathPrefix: '/api', rewritePrefix: null, services: [first.id], quorum: null, timeout: null, requestBytes: 1024, responseBytes: 4096 }],
            'add',
          )
        }
      >
        Add route
      </button>
    </fieldset>
  );
}
