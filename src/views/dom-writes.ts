/**
 * DOM writes that skip themselves when nothing changes. Chromium invalidates
 * style, layout and paint on every attribute write, even of the value already
 * there, and `textContent =` replaces the text node; at full speed the charts
 * rewrite hundreds of unchanged attributes a second, which is main-thread
 * time taken from the particles.
 */

/** Sets (or with null removes) `name` on `element`, only when its value changes. */
export function setAttr(element: Element, name: string, value: string | number | null): void {
  const next = value === null ? null : String(value);
  if (element.getAttribute(name) === next) return;
  if (next === null) element.removeAttribute(name);
  else element.setAttribute(name, next);
}

/** Sets the text of `element`, only when it changes, editing its text node in place. */
export function setText(element: Element, text: string): void {
  const only = element.firstChild;
  if (only !== null && only === element.lastChild && only.nodeType === 3) {
    if (only.nodeValue !== text) only.nodeValue = text;
  } else if (element.textContent !== text) {
    element.textContent = text;
  }
}
