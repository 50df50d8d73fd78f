import { useAppStore } from '../store';
import { SATURATED_UTILIZATION } from '../store/live-stats';

/** What a node card's colour means; shown once a run has figures, when the colours start to matter. */
export function HealthLegend() {
  const visible = useAppStore((s) => s.runStatus !== 'idle' || s.simTime > 0);
  if (!visible) return null;
  return (
    <div className="health-legend">
      <span>Node colour:</span>
      <span className="health-legend__item health-healthy">healthy</span>
      <span className="health-legend__item health-saturated">saturated ({Math.round(SATURATED_UTILIZATION * 100)} %+ busy or a queue)</span>
      <span className="health-legend__item health-failing">failing</span>
    </div>
  );
}
