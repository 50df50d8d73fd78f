/** A SimClient that calls a sim service in the same thread: the store's tests run the real protocol without a Worker. */
import type { SimClient } from '../sim-client';
import type { SimService } from '../sim-service';

/** Wraps `service` with the promise-returning shape the page's client has. */
export function inProcessClient(service: SimService): SimClient {
  return {
    load: async (scenario, seed) => service.load(scenario, seed),
    run: async () => service.run(),
    pause: async () => service.pause(),
    step: async () => service.step(),
    reset: async () => service.reset(),
    setSpeed: async (speed) => service.setSpeed(speed),
    injectFault: async (nodeId, action, factor) => service.injectFault(nodeId, action, factor),
    applyChange: async (nodes, links) => service.applyChange(nodes, links),
    subscribe: async (onFrame) => service.subscribe(onFrame),
    // The service runs in this thread: it cannot stop on its own.
    onStop: () => undefined,
  };
}
