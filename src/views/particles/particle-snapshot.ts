/**
 * The particles' current frame, for an export of the canvas. The overlay
 * draws them on its own canvas (in a worker where it can), which an HTML
 * snapshot of the page cannot read; the mounted overlay registers here how
 * to get that frame.
 */

/** Something drawImage takes: the worker's bitmap, or the page's own canvas. */
export type ParticleFrame = { image: CanvasImageSource; width: number; height: number; box: DOMRect };

type Provider = () => Promise<ParticleFrame | null>;

let provider: Provider | null = null;

/** Called by the mounted overlay; returns the function that unregisters it. */
export function provideParticleFrame(next: Provider): () => void {
  provider = next;
  return () => {
    if (provider === next) provider = null;
  };
}

/** The particles as drawn now, with where their canvas sits on the page; null without an overlay. */
export function particleFrame(): Promise<ParticleFrame | null> {
  return provider ? provider() : Promise.resolve(null);
}
