import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterFirstPaint, whenIdleAfterFirstPaint } from './use-after-first-paint';

/** A hand-driven frame and idle queue, so the order of the steps can be checked. */
function fakeBrowser() {
  const frames: (() => void)[] = [];
  const idles: (() => void)[] = [];
  vi.useFakeTimers();
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => {
    frames[id - 1] = () => {};
  });
  vi.stubGlobal('requestIdleCallback', (cb: () => void) => idles.push(cb));
  vi.stubGlobal('cancelIdleCallback', (id: number) => {
    idles[id - 1] = () => {};
  });
  const run = (queue: (() => void)[]) => {
    for (const cb of queue.splice(0)) cb();
  };
  return { frame: () => run(frames), idle: () => run(idles) };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('afterFirstPaint', () => {
  it('runs once the next frame has been painted, not before', () => {
    const browser = fakeBrowser();
    const then = vi.fn();
    afterFirstPaint(then);
    vi.runAllTimers();
    expect(then).not.toHaveBeenCalled();
    browser.frame();
    expect(then).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(then).toHaveBeenCalledOnce();
  });

  it('can be cancelled before it runs', () => {
    const browser = fakeBrowser();
    const then = vi.fn();
    afterFirstPaint(then)();
    browser.frame();
    vi.runAllTimers();
    expect(then).not.toHaveBeenCalled();
  });
});

describe('whenIdleAfterFirstPaint', () => {
  it('waits for the first paint, then for an idle moment', () => {
    const browser = fakeBrowser();
    const then = vi.fn();
    whenIdleAfterFirstPaint(then);
    browser.idle();
    expect(then).not.toHaveBeenCalled();
    browser.frame();
    vi.runAllTimers();
    expect(then).not.toHaveBeenCalled();
    browser.idle();
    expect(then).toHaveBeenCalledOnce();
  });

  it('can be cancelled while waiting for the idle moment', () => {
    const browser = fakeBrowser();
    const then = vi.fn();
    const cancel = whenIdleAfterFirstPaint(then);
    browser.frame();
    vi.runAllTimers();
    cancel();
    browser.idle();
    expect(then).not.toHaveBeenCalled();
  });
});
