/**
 * A WebM recording of the canvas while a run goes: a hidden canvas is
 * painted with a picture of the flow (cards, links, live figures: redrawn
 * once a second, as they change no faster) and, every frame, the particles'
 * current frame over it; MediaRecorder encodes that canvas's stream.
 */
import { toCanvas } from 'html-to-image';
import { particleFrame } from '../../views/particles/particle-snapshot';
import { copiedStyles, keep } from './export-image';

/** Frames per second of the video: particles move smoothly enough, and the page keeps up. */
export const RECORDING_FPS = 20;
/** What the encoder is asked for; the size estimate assumes it (real files are often smaller: still parts compress well). */
export const RECORDING_BITS_PER_SECOND = 2_500_000;
/** The flow's picture is taken anew this often (ms). */
const BACKGROUND_MS = 1000;
/** Wider canvases are scaled down: larger files, no better on a projector. */
const MAX_WIDTH = 1280;

/** Bytes a recording of `seconds` comes to at RECORDING_BITS_PER_SECOND. */
export function estimatedBytes(seconds: number): number {
  return (RECORDING_BITS_PER_SECOND / 8) * Math.max(0, seconds);
}

/** "2.4 MB", "860 kB". */
export function formatBytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

/** The WebM type this browser records, or null when it records none. */
export function webmType(): string | null {
  if (typeof MediaRecorder === 'undefined') return null;
  return ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((type) => MediaRecorder.isTypeSupported(type)) ?? null;
}

export interface Recording {
  /** Ends the recording; resolves with the video. */
  stop(): Promise<Blob>;
}

/** Starts recording `flow`; `onProgress` hears the seconds recorded and the bytes encoded so far, about once a second. */
export function startRecording(flow: HTMLElement, onProgress: (seconds: number, bytes: number) => void): Recording {
  const type = webmType();
  if (!type) throw new Error('This browser cannot record video (no MediaRecorder with WebM).');
  const box = flow.getBoundingClientRect();
  const scale = Math.min(1, MAX_WIDTH / Math.max(1, box.width));
  const out = document.createElement('canvas');
  // Even sizes: video encoders want them.
  out.width = Math.max(2, Math.round((box.width * scale) / 2) * 2);
  out.height = Math.max(2, Math.round((box.height * scale) / 2) * 2);
  const context = out.getContext('2d');
  if (!context) throw new Error('No 2D canvas to record on.');

  let background: HTMLCanvasElement | null = null;
  let stopped = false;
  const refreshBackground = async () => {
    while (!stopped) {
      const started = performance.now();
      background = await toCanvas(flow, { filter: keep, pixelRatio: scale, backgroundColor: '#f4f6f9', skipFonts: true, includeStyleProperties: copiedStyles() }).catch(() => background);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, BACKGROUND_MS - (performance.now() - started))));
    }
  };
  void refreshBackground();

  let painting = false;
  const paint = async () => {
    if (painting) return;
    painting = true;
    const frame = await particleFrame();
    context.fillStyle = '#f4f6f9';
    context.fillRect(0, 0, out.width, out.height);
    if (background) context.drawImage(background, 0, 0, out.width, out.height);
    if (frame) {
      const outer = flow.getBoundingClientRect();
      context.drawImage(frame.image, (frame.box.left - outer.left) * scale, (frame.box.top - outer.top) * scale, frame.box.width * scale, frame.box.height * scale);
    }
    painting = false;
  };
  const timer = setInterval(() => void paint(), 1000 / RECORDING_FPS);

  const stream = out.captureStream(RECORDING_FPS);
  const recorder = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: RECORDING_BITS_PER_SECOND });
  const chunks: Blob[] = [];
  let bytes = 0;
  const began = performance.now();
  recorder.addEventListener('dataavailable', (event) => {
    if (event.data.size === 0) return;
    chunks.push(event.data);
    bytes += event.data.size;
    onProgress((performance.now() - began) / 1000, bytes);
  });
  recorder.start(1000);

  return {
    stop: () =>
      new Promise<Blob>((resolve) => {
        stopped = true;
        clearInterval(timer);
        recorder.addEventListener('stop', () => {
          for (const track of stream.getTracks()) track.stop();
          resolve(new Blob(chunks, { type: 'video/webm' }));
        });
        recorder.stop();
      }),
  };
}
