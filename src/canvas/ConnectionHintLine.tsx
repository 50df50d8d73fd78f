import { type ConnectionLineComponentProps, getBezierPath } from '@xyflow/react';
import { useAppStore } from '../store';
import { connectionProblem } from '../scenario/connection-rules';

/**
 * The line drawn while dragging a new link. Over a node that cannot take it,
 * it turns red and says why, so a refused link is never a silent no-op.
 */
export function ConnectionHintLine({ fromNode, fromX, fromY, toX, toY, fromPosition, toPosition, toNode }: ConnectionLineComponentProps) {
  const scenario = useAppStore((s) => s.scenario);
  const problem = toNode ? connectionProblem(scenario, fromNode.id, toNode.id) : null;
  const [path] = getBezierPath({ sourceX: fromX, sourceY: fromY, sourcePosition: fromPosition, targetX: toX, targetY: toY, targetPosition: toPosition });
  return (
    <g className={problem ? 'connection-hint is-refused' : 'connection-hint'}>
      <path d={path} fill="none" />
      {problem && (
        <foreignObject x={toX + 12} y={toY + 10} width={260} height={80} className="connection-hint__box">
          <div className="connection-hint__text" role="status">
            {problem}
          </div>
        </foreignObject>
      )}
    </g>
  );
}
