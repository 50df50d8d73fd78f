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
      <p className="writeup__text">{description}</p>
    </details>
  );
}
