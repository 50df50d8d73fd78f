import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  children: ReactNode;
  /** What to call the failed part in the message, e.g. "The charts". */
  area?: string;
  /** Offered as a way out: e.g. save the work before reloading. */
  onExport?: () => void;
  /** Last resort when the work itself trips the error: open something known to work. */
  onStartOver?: () => void;
}

/** Catches a render error so the page never goes blank: says what failed and offers a way on. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Scale Playground caught a render error', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="crash" role="alert">
        <h2>{this.props.area ?? 'The playground'} hit an error.</h2>
        <p>Your scenario is autosaved in this browser. Try again, or reload the page.</p>
        <pre>{error.message}</pre>
        <div className="crash__actions">
          <button type="button" className="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          {this.props.onExport && (
            <button type="button" className="button" onClick={this.props.onExport}>
              Export scenario
            </button>
          )}
          <button type="button" className="button" onClick={() => location.reload()}>
            Reload
          </button>
          {this.props.onStartOver && (
            <button
              type="button"
              className="button"
              onClick={() => {
                this.props.onStartOver?.();
                this.setState({ error: null });
              }}
            >
              Open the starter scenario (undo brings yours back)
            </button>
          )}
        </div>
      </div>
    );
  }
}
