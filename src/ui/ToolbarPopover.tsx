import { type ReactNode, useEffect, useId, useRef } from 'react';

interface ToolbarPopoverProps {
  /** The toolbar button's text. */
  label: string;
  /** The toolbar button's tooltip. */
  title: string;
  /** The popover's heading, which names it for screen readers. */
  heading: string;
  open: boolean;
  /** The button was pressed while closed: load what the popover lists. */
  onOpen(): void;
  /** Escape, Close or the button while open: forget what it listed. */
  onClose(): void;
  /** Classes of the wrapper and of the popover, beside the shared ones. */
  className: string;
  popoverClassName?: string;
  children: ReactNode;
}

/**
 * A toolbar button that opens a dialog popover (Recent, Lessons): focus goes
 * to its first button when it opens and back to the toolbar button when it
 * closes, Escape closes it, and a Close button ends it.
 */
export function ToolbarPopover({ label, title, heading, open, onOpen, onClose, className, popoverClassName, children }: ToolbarPopoverProps) {
  const button = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const headingId = useId();

  useEffect(() => {
    if (open) dialog.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [open]);

  const close = () => {
    onClose();
    button.current?.focus();
  };

  return (
    <div className={className}>
      <button ref={button} type="button" className="button" aria-haspopup="dialog" aria-expanded={open} onClick={() => (open ? close() : onOpen())} title={title}>
        {label}
      </button>
      {open && (
        <div
          ref={dialog}
          className={popoverClassName ? `popover ${popoverClassName}` : 'popover'}
          role="dialog"
          aria-labelledby={headingId}
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
          }}
        >
          <h2 id={headingId}>{heading}</h2>
          {children}
          <button type="button" className="button" onClick={close}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}
