/**
 * Pictures of the canvas and of the charts, through html-to-image (this
 * module loads only when an export is asked for). The particles are drawn on
 * a canvas of their own, often owned by a worker, which a copy of the page
 * cannot read: their current frame is fetched and laid over the picture.
 */
import { toCanvas, toSvg } from 'html-to-image';
import { particleFrame } from '../../views/particles/particle-snapshot';

/** Exported pictures have this many pixels per CSS pixel: sharp on a projector and in slides. */
export const EXPORT_PIXEL_RATIO = 2;

/** Parts of the canvas left out of a picture: its buttons, the minimap, and the particles' own canvas (laid over afterwards). */
const LEFT_OUT = ['react-flow__controls', 'react-flow__minimap', 'sp-particles'];

/** Whether a node of the flow goes into a picture. */
export const keep = (node: HTMLElement) => !(node.classList && LEFT_OUT.some((name) => node.classList.contains(name)));

const BACKGROUND = '#f4f6f9';

let styleNames: string[] | null = null;
/**
 * Every CSS property html-to-image copies onto its clone, except `d`: it
 * writes a link's path as `path(M…)` without the quotes CSS needs, and the
 * links vanish from the picture (the attribute alone draws them).
 */
export function copiedStyles(): string[] {
  styleNames ??= [...getComputedStyle(document.documentElement)].filter((name) => name !== 'd');
  return styleNames;
}

/** SVG presentation that the page's style sheets give the links (through CSS variables) and that a copy loses. */
const SVG_STYLE = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-size'];

/**
 * Runs `take` with the links' SVG styles written on the elements
 * themselves, then puts each back, unless React changed it meanwhile: the
 * copy html-to-image makes draws links black or not at all otherwise.
 */
export async function withSvgStylesInline<T>(root: HTMLElement, take: () => Promise<T>): Promise<T> {
  const changed: [Element, string | null, string][] = [];
  for (const element of root.querySelectorAll('.react-flow__edges *, .react-flow__edgelabel-renderer *, .react-flow__edge *')) {
    if (!(element instanceof SVGElement)) continue;
    const computed = getComputedStyle(element);
    const before = element.getAttribute('style');
    const written = `${before ? `${before};` : ''}${SVG_STYLE.map((name) => `${name}:${computed.getPropertyValue(name)}`).join(';')}`;
    element.setAttribute('style', written);
    changed.push([element, before, written]);
  }
  try {
    return await take();
  } finally {
    for (const [element, before, written] of changed) {
      if (element.getAttribute('style') !== written) continue;
      if (before === null) element.removeAttribute('style');
      else element.setAttribute('style', before);
    }
  }
}

/** The canvas (cards, links, legends) with the particles' current frame, as a PNG of EXPORT_PIXEL_RATIO × its size on screen. */
export async function canvasPng(flow: HTMLElement): Promise<Blob> {
  // The particles first: copying the page takes a while, and the picture should show the moment of the click.
  const frame = await particleFrame();
  const picture = await withSvgStylesInline(flow, () =>
    toCanvas(flow, { pixelRatio: EXPORT_PIXEL_RATIO, filter: keep, backgroundColor: BACKGROUND, skipFonts: true, includeStyleProperties: copiedStyles() }),
  );
  const context = picture.getContext('2d');
  if (frame && context) {
    const at = placement(flow, frame.box, EXPORT_PIXEL_RATIO);
    context.drawImage(frame.image, at.x, at.y, at.width, at.height);
  }
  return canvasBlob(picture, 'image/png');
}

/** The canvas as SVG: the page's copy in a foreignObject, the particles' frame as an image over it. */
export async function canvasSvg(flow: HTMLElement): Promise<Blob> {
  const frame = await particleFrame();
  const dataUrl = await withSvgStylesInline(flow, () =>
    toSvg(flow, { filter: keep, backgroundColor: BACKGROUND, skipFonts: true, includeStyleProperties: copiedStyles() }),
  );
  let svg = decodeURIComponent(dataUrl.slice(dataUrl.indexOf(',') + 1));
  if (frame) {
    const at = placement(flow, frame.box, 1);
    const particles = await framePngDataUrl(frame.image, frame.width, frame.height);
    const image = `<image href="${particles}" x="${at.x}" y="${at.y}" width="${at.width}" height="${at.height}"/>`;
    const end = svg.lastIndexOf('</svg>');
    svg = `${svg.slice(0, end)}${image}${svg.slice(end)}`;
  }
  return new Blob([svg], { type: 'image/svg+xml' });
}

/** A chart's figure (title, legend, axes, lines) as a PNG. */
export async function figurePng(figure: HTMLElement): Promise<Blob> {
  const picture = await toCanvas(figure, { pixelRatio: EXPORT_PIXEL_RATIO, backgroundColor: '#ffffff', skipFonts: true });
  return canvasBlob(picture, 'image/png');
}

/** Style properties that make a chart look as it does on the page, copied onto each element of an exported SVG. */
const CHART_STYLE = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-size', 'font-family', 'font-weight', 'display', 'text-anchor'];

/**
 * A chart as a plain vector SVG, not a copy of the page: its own <svg> with
 * the styles the page's CSS gives it written on each element, so it opens
 * the same in an editor or a slide program.
 */
export function chartSvg(svg: SVGSVGElement, title: string): Blob {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const target = copies[i];
    if (!(target instanceof SVGElement)) return;
    const computed = getComputedStyle(original);
    const inline = CHART_STYLE.map((name) => `${name}:${computed.getPropertyValue(name)}`).join(';');
    target.setAttribute('style', inline);
  });
  const box = svg.getBoundingClientRect();
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(Math.round(box.width)));
  copy.setAttribute('height', String(Math.round(box.height)));
  if (!copy.getAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${Math.round(box.width)} ${Math.round(box.height)}`);
  const titled = `<title>${title.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</title>`;
  copy.insertAdjacentHTML('afterbegin', titled);
  copy.style.background = '#ffffff';
  return new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`], { type: 'image/svg+xml' });
}

/** Where the particles' canvas sits over the flow's picture, in the picture's pixels. */
function placement(flow: HTMLElement, box: DOMRect, ratio: number) {
  const outer = flow.getBoundingClientRect();
  return { x: (box.left - outer.left) * ratio, y: (box.top - outer.top) * ratio, width: box.width * ratio, height: box.height * ratio };
}

async function framePngDataUrl(image: CanvasImageSource, width: number, height: number): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, width);
  canvas.height = Math.max(1, height);
  canvas.getContext('2d')?.drawImage(image, 0, 0);
  return canvas.toDataURL('image/png');
}

function canvasBlob(canvas: HTMLCanvasElement, type: string): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The picture could not be encoded.'))), type));
}
