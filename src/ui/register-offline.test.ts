import { describe, expect, it, vi } from 'vitest';
import { registerOfflineWorker } from './register-offline';

describe('registerOfflineWorker', () => {
  it('registers sw.js at the site base, scoped to it', () => {
    const register = vi.fn(() => Promise.resolve({} as ServiceWorkerRegistration));
    registerOfflineWorker({ serviceWorker: { register } as unknown as ServiceWorkerContainer }, '/');
    expect(register).toHaveBeenCalledWith('/sw.js', { scope: '/' });
  });

  it('does nothing where the browser has no service workers', () => {
    expect(() => registerOfflineWorker({} as Navigator, '/')).not.toThrow();
    expect(() => registerOfflineWorker(undefined, '/')).not.toThrow();
  });

  it('swallows a refused registration: the page works, only not offline', async () => {
    const refused = Promise.reject(new Error('storage refused'));
    const register = vi.fn(() => refused);
    registerOfflineWorker({ serviceWorker: { register } as unknown as ServiceWorkerContainer }, '/app/');
    expect(register).toHaveBeenCalledWith('/app/sw.js', { scope: '/app/' });
    // An unhandled rejection would fail the run; let the catch handler settle.
    await refused.catch(() => {});
  });
});
