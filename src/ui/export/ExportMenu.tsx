import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { TrayArrowIcon } from '../../canvas/icons';
import { useAppStore } from '../../store';
import { scenarioToShare } from '../../store/run-slice';
import { downloadScenario } from '../file-io';
import { type ExportAction, exportActions } from './export-actions';

/**
 * The toolbar's Export menu: the scenario file, pictures of the canvas and
 * of each chart, the metric windows as CSV, and a recording of a run. A menu
 * button: Enter, Space or Arrow Down opens it on the first item, the arrows,
 * Home and End move, Enter picks, Esc closes and returns to the button.
 */
export function ExportMenu({ onRecord }: { onRecord(): void }) {
  const [actions, setActions] = useState<ExportAction[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const open = actions !== null;

  const show = () => {
    const state = useAppStore.getState;
    const found = exportActions(state, () => scenarioToShare(state()), downloadScenario);
    found.push({ id: 'webm', label: 'Record a run (WebM)…', run: async () => onRecord() });
    setActions(found);
  };
  const close = (refocus: boolean) => {
    setActions(null);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
    const outside = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) setActions(null);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const pick = async (action: ExportAction) => {
    if (action.unavailable) return;
    close(true);
    setBusy(action.label);
    try {
      await action.run();
    } catch (error) {
      useAppStore.getState().notify({ tone: 'error', title: `${action.label}: the export failed.`, details: [(error as Error).message] });
    } finally {
      setBusy(null);
    }
  };

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => items[(to + items.length) % items.length]?.focus();
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') close(false);
    else return;
    if (event.key !== 'Tab') event.preventDefault();
  };

  return (
    <div className="export-menu">
      <button
        ref={button}
        type="button"
        className="button toolbar__file"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'export-menu' : undefined}
        onClick={() => (open ? close(false) : show())}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            show();
          }
        }}
      >
        <TrayArrowIcon direction="out" /> Export
      </button>
      {open && (
        <div ref={menu} id="export-menu" className="popover export-menu__list" role="menu" aria-label="Export" tabIndex={-1} onKeyDown={onMenuKey}>
          {actions.map((action) => (
            <button
              key={action.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              aria-disabled={action.unavailable ? true : undefined}
              title={action.unavailable}
              onClick={() => void pick(action)}
            >
              {action.label}
              {action.unavailable ? <span className="export-menu__why"> · {action.unavailable}</span> : null}
            </button>
          ))}
        </div>
      )}
      {busy && (
        <span className="sp-visually-hidden" role="status">
          Preparing {busy}…
        </span>
      )}
    </div>
  );
}
