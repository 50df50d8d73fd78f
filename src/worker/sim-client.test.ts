import { expose, transfer } from 'comlink';
import { describe, expect, it } from 'vitest';
import { connectSimService, WorkerFailedError } from './sim-client';
import type { Frame } from './protocol';
import { createSimService } from './sim-service';
import { createFakeSimulation, tinyScenario } from './testing/fake-simulation';

/** Node's MessagePort has the addEventListener/postMessage shape of a Worker; comlink takes it as is. */
type NodePort = Parameters<typeof expose>[1] & Parameters<typeof connectSimService>[0] & { close(): void };

describe('worker client over a real message channel', () => {
  it('loads, steps and receives frames whose particle buffers were moved, not copied', async () => {
    const channel = new MessageChannel();
    const workerSide = channel.port1 as unknown as NodePort;
    const pageSide = channel.port2 as unknown as NodePort;
    const workerBuffers: ArrayBuffer[] = [];
    const service = createSimService({
      createSimulation: (s, o) => createFakeSimulation(s, o),
      deliver: (listener, frame, buffers) => {
        workerBuffers.push(...buffers);
        return listener(transfer(frame, buffers));
      },
    });
    expose(service, workerSide);
    const client = connectSimService(pageSide);

    let stepFrame: (frame: Frame) => void = () => {};
    const stepped = new Promise<Frame>((resolve) => (stepFrame = resolve));
    await client.subscribe((frame) => {
      if (frame.now === 1) stepFrame(frame);
    });
    expect((await client.load(tinyScenario)).ok).toBe(true);
    expect(await client.step()).toBe('paused');
    const frame = await stepped;

    expect(frame.particles.depart).toBeInstanceOf(Float64Array);
    expect(frame.particles.depart.length).toBeGreaterThan(0);
    expect(frame.windows).toHaveLength(1);
    // Transferred buffers are detached on the sending side.
    expect(workerBuffers.length).toBeGreaterThanOrEqual(5);
    expect(workerBuffers.every((buffer) => buffer.byteLength === 0)).toBe(true);
    workerSide.close();
    pageSide.close();
  });
});

describe('worker client when the worker stops', () => {
  it('rejects a call waiting for an answer, and every later call, with the reason', async () => {
    // Nothing answers on the other side: a worker whose script never loaded.
    const channel = new MessageChannel();
    const pageSide = channel.port2 as unknown as NodePort;
    let fail: (error: Error) => void = () => {};
    const failed = new Promise<never>((_, reject) => (fail = reject));
    const client = connectSimService(pageSide, { failed });
    const waiting = client.run();
    fail(new WorkerFailedError('The simulation worker stopped.'));
    await expect(waiting).rejects.toThrow('The simulation worker stopped.');
    await expect(client.pause()).rejects.toBeInstanceOf(WorkerFailedError);
    channel.port1.close();
    pageSide.close();
  });

  it('tells its listener at once when the worker crashes, without waiting for a call', async () => {
    const channel = new MessageChannel();
    let fail: (error: Error) => void = () => {};
    const failed = new Promise<never>((_, reject) => (fail = reject));
    let terminated = 0;
    const client = connectSimService(channel.port2 as unknown as NodePort, { failed, terminate: () => terminated++ });
    const heard = new Promise<Error>((resolve) => client.onStop(resolve));
    fail(new WorkerFailedError('The simulation worker stopped (boom). Press Restart.'));
    expect((await heard).message).toBe('The simulation worker stopped (boom). Press Restart.');
    expect(terminated).toBe(1);
    // A listener that arrives late still hears it.
    expect((await new Promise<Error>((resolve) => client.onStop(resolve))).message).toMatch(/boom/);
    channel.port1.close();
    channel.port2.close();
  });

  it('finds a worker that closed itself without an error event within 2 s, and says Restart', async () => {
    const channel = new MessageChannel();
    const workerSide = channel.port1 as unknown as NodePort;
    expose(createSimService({ createSimulation: (s, o) => createFakeSimulation(s, o) }), workerSide);
    let now = 0;
    let tick: () => void = () => {};
    let terminated = false;
    const client = connectSimService(channel.port2 as unknown as NodePort, {
      heartbeat: {
        clock: () => now,
        every: (run) => {
          tick = run;
          return () => undefined;
        },
      },
      terminate: () => (terminated = true),
    });
    let stoppedAt: number | null = null;
    let message = '';
    client.onStop((error) => {
      stoppedAt = now;
      message = error.message;
    });
    /** One heartbeat period of wall time, with a real turn of the event loop for answers to cross the channel. */
    const period = async () => {
      now += 250;
      tick();
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    for (let i = 0; i < 8; i++) await period();
    expect(stoppedAt).toBeNull();
    expect((await client.load(tinyScenario)).ok).toBe(true);

    // What `self.close()` does: the worker's side goes away, and no error event comes.
    workerSide.close();
    const closedAt = now;
    const waiting = client.run().catch((error: unknown) => error);
    while (stoppedAt === null && now - closedAt < 5000) await period();
    expect(stoppedAt).not.toBeNull();
    expect(stoppedAt! - closedAt).toBeLessThanOrEqual(2000);
    expect(message).toMatch(/stopped answering .* closed or hung\. .*Restart/);
    expect(terminated).toBe(true);
    expect(await waiting).toBeInstanceOf(WorkerFailedError);
    channel.port2.close();
  });
});
