import { useAppStore } from '../store';
import './sidecar-badge.css';

/** A meshed server's card says it has a sidecar; faded, with why, while the scenario has no mesh for it to join. */
export function SidecarBadge() {
  const meshOn = useAppStore((s) => s.scenario.mesh !== null);
  return (
    <span
      className={meshOn ? 'node-card__sidecar' : 'node-card__sidecar node-card__sidecar--idle'}
      title={meshOn ? 'Sidecar: its calls pass the service mesh' : 'Sidecar: no effect until the service mesh is on (scenario settings)'}
      data-testid="sidecar-badge"
    >
      sidecar
    </span>
  );
}
