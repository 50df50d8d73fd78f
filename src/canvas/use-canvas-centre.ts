import { useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import type { XY } from '../scenario/node-factory';

/** Returns a function giving the flow position at the centre of the visible canvas. */
export function useCanvasCentre(): () => XY {
  const store = useStoreApi();
  return useCallback(() => {
    const { width, height, transform } = store.getState();
    const [tx, ty, zoom] = transform;
    // Half a card to the left and up, so the new card is centred, not its corner.
    return { x: (width / 2 - tx) / zoom - 90, y: (height / 2 - ty) / zoom - 35 };
  }, [store]);
}
