/**
 * STUB written by the editor helper so node cards compile before the runtime
 * lands. Runtime owns this file and replaces it with the real hook.
 */
export interface NodeLiveStats {
  utilization: number;
  queueLength: number;
  p99: number;
  health: 'idle' | 'healthy' | 'saturated' | 'failing';
}

/** Stub: live figures for a node while a run is going; null when nothing runs. */
export function useNodeLiveStats(_nodeId: string): NodeLiveStats | null {
  return null;
}
