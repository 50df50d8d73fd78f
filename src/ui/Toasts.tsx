import { useEffect } from 'react';
import { useAppStore } from '../store';
import type { Message } from '../store/types';

/** How long an info or success message stays (long enough to read one line, short enough not to hide a node for long); warnings and errors wait to be dismissed. */
const FADE_MS = 4000;

/** Messages low on the left of the canvas, clear of the particle legend. Errors are announced assertively, the rest politely. */
export function Toasts() {
  const messages = useAppStore((s) => s.messages);
  return (
    <div className="toasts">
      {messages.map((message) => (
        <Toast key={message.id} message={message} />
      ))}
    </div>
  );
}

function Toast({ message }: { message: Message }) {
  const fades = message.tone === 'info' || message.tone === 'success';
  useEffect(() => {
    if (!fades) return;
    const timer = setTimeout(() => useAppStore.getState().dismiss(message.id), FADE_MS);
    return () => clearTimeout(timer);
  }, [fades, message.id]);
  return (
    <div className={`toast toast--${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
      <div className="toast__text">
        <strong>{message.title}</strong>
        {message.details && message.details.length > 0 && (
          <ul>
            {message.details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        )}
        {message.action && (
          <button type="button" className="button toast__action" onClick={message.action.run}>
            {message.action.label}
          </button>
        )}
      </div>
      <button type="button" className="toast__close" aria-label="Dismiss" onClick={() => useAppStore.getState().dismiss(message.id)}>
        ×
      </button>
    </div>
  );
}
