import { useAppStore } from '../store';

/**
 * The scenario's write-up (an example's explanation and what to try) at the
 * top of the side panel, whatever is selected, so it stays in view while
 * the teacher clicks through the nodes it talks about. Folds to one line.
 */
export function ExampleWriteup() {
  const name = useAppStore((s) => s.scenario.name);
  const description = useAppStore((s) => s.scenario.description);
  const open = useAppStore((s) => s.writeupOpen);
  if (!description) return null;
  return (
    <details
      className="writeup"
      open={open}
      onToggle={(event) => {
        const next = event.currentTarget.open;
        if (next !== useAppStore.getState().writeupOpen) useAppStore.getState().setWriteupOpen(next);
      }}
    >
      <summary className="writeup__summary" title={open ? 'Fold the write-up' : 'Unfold the write-up'}>
        About “{name}”
      </summary>
      {/* Focusable: the text scrolls in its own box, and a keyboard user must be able to scroll it too. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard. */}
      <section className="writeup__text" tabIndex={0} aria-label="The write-up, scrollable">
        {description}
      </section>
    </details>
  );
}
