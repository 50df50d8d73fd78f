import type { L7Route, ScenarioNode } from '../../scenario/schema';
import { CheckboxField } from './CheckboxField';
import { TextField } from './TextField';
import { patchAt } from './patch-at';

interface RoutesEditorProps {
  routes: readonly L7Route[];
  /** The balancer's targets (the nodes it links to), which routes choose among. */
  targets: readonly ScenarioNode[];
  commit(routes: L7Route[], field: string): string | null;
}

/** L7 content routing: first matching rule wins; unmatched requests go to targets no rule names. */
export function RoutesEditor({ routes, targets, commit }: RoutesEditorProps) {
  const change = (index: number, patch: Partial<L7Route>, field: string) =>
    commit(
      patchAt(routes, index, patch),
      `route-${index}-${field}`,
    );
  const first = targets[0];
  return (
    <fieldset className="distribution">
      <legend>Routes</legend>
      {routes.length === 0 && <p className="inspector__note">No routes: every request may go to any target.</p>}
      {routes.map((route, index) => {
        const n = index + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: routes have no identity beyond their order, which is also their priority
          <div className="route" key={index}>
            <TextField label={`Route ${n} path prefix`} value={route.pathPrefix} maxLength={200} onCommit={(pathPrefix) => change(index, { pathPrefix }, 'path')} />
            <CheckboxField
              label={`Route ${n} also needs a header`}
              checked={route.header !== null}
              onChange={(on) => change(index, { header: on ? { name: 'X-Version', value: 'beta' } : null }, 'header')}
            />
            {route.header && (
              <>
                <TextField
                  label={`Route ${n} header name`}
                  value={route.header.name}
                  maxLength={64}
                  onCommit={(name) => change(index, { header: { name, value: route.header?.value ?? '' } }, 'headerName')}
                />
                <TextField
                  label={`Route ${n} header value`}
                  value={route.header.value}
                  maxLength={200}
                  onCommit={(value) => change(index, { header: { name: route.header?.name ?? '', value } }, 'headerValue')}
                />
              </>
            )}
            <TextField
              label={`Route ${n} rewrites the prefix to`}
              value={route.rewritePrefix ?? ''}
              maxLength={200}
              placeholder="unchanged"
              onCommit={(text) => change(index, { rewritePrefix: text.trim() === '' ? null : text.trim() }, 'rewrite')}
            />
            <div className="route__targets">
              <span className="route__caption">Route {n} sends to</span>
              {targets.map((target) => (
                <CheckboxField
                  key={target.id}
                  label={target.label || target.id}
                  checked={route.targets.includes(target.id)}
                  // A route needs a target: the last one stays until the route is removed.
                  disabled={route.targets.length === 1 && route.targets[0] === target.id}
                  onChange={(on) =>
                    change(index, { targets: on ? [...route.targets, target.id] : route.targets.filter((t) => t !== target.id) }, 'targets')
                  }
                />
              ))}
            </div>
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
        title={first ? undefined : 'Link this balancer to its targets first'}
        onClick={() => first && commit([...routes, { pathPrefix: '/api', header: null, targets: [first.id], rewritePrefix: null }], 'add')}
      >
        Add route
      </button>
    </fieldset>
  );
}
