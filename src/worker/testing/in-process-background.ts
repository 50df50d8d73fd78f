/** A BackgroundClient whose workers call the background service in this thread: the store's tests run the real pool without Workers. */
import { type BackgroundClient, type BackgroundRemote, connectBackgroundPool } from '../background-client';
import { type BackgroundService, createBackgroundService } from '../background-service';

/** The service with a worker's manners: every answer comes a timer turn later, as a message would. */
export function inProcessBackground(service: BackgroundService = createBackgroundService()): BackgroundRemote {
  const later = <T>(answer: () => T) =>
    new Promise<T>((resolve, reject) =>
      setTimeout(() => {
        try {
          resolve(answer());
        } catch (thrown) {
          reject(thrown);
        }
      }, 0),
    );
  return {
    runBaseline: (scenario, seed) => later(() => service.runBaseline(scenario, seed)),
    earlyTheories: (scenario, seed) => later(() => service.earlyTheories(scenario, seed)),
    runSweepPoint: (variant, seed) => later(() => service.runSweepPoint(variant, seed)),
    runFieldPoint: (scenario, value, seed) => later(() => service.runFieldPoint(scenario, value, seed)),
    runComparison: (scenario, seed) => later(() => service.runComparison(scenario, seed)),
  };
}

/** A pool of `size` in-process workers over `service`. */
export function inProcessBackgroundClient(service?: BackgroundService, size = 1): BackgroundClient {
  return connectBackgroundPool(size, () => ({ service: inProcessBackground(service) }));
}
