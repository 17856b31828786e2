import { Component, type ErrorInfo, type ReactNode } from 'react';

export interface BoundaryReset {
  /** The button's words, e.g. "Reset this view's saved data". */
  label: string;
  /** What the reset removes, said before the button. */
  what: string;
  run: () => void | Promise<void>;
}

interface Props {
  /** What stopped working, as the user knows it: "The comparison", "The speed panel". */
  name: string;
  reset?: BoundaryReset;
  children: ReactNode;
}

interface State {
  error: Error | null;
  stack: string;
  copied: boolean;
}

/**
 * Keeps a crash in one view or panel from blanking the app: it says what broke, leaves the rest
 * working, and offers a way out — try again, reset the saved data that made it crash, copy the
 * details for a bug report.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, stack: '', copied: false };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)), copied: false };
  }

  override componentDidCatch(_error: unknown, info: ErrorInfo): void {
    this.setState({ stack: info.componentStack ?? '' });
  }

  private details(): string {
    const e = this.state.error;
    return [`${this.props.name} stopped working`, `${e?.name}: ${e?.message}`, e?.stack ?? '', this.state.stack, `at ${location.href}`, navigator.userAgent].join('\n');
  }

  private readonly retry = () => this.setState({ error: null, stack: '' });

  private readonly copy = () => {
    void navigator.clipboard.writeText(this.details()).then(
      () => this.setState({ copied: true }),
      () => this.setState({ copied: false }),
    );
  };

  private readonly reset = async () => {
    await this.props.reset?.run();
    this.retry();
  };

  override render(): ReactNode {
    const { error, copied } = this.state;
    if (!error) return this.props.children;
    const { name, reset } = this.props;
    return (
      <section className="crash error-notice" role="alert" data-testid="crash">
        <strong className="error-title">{name} stopped working</strong>
        <p>
          It met something it could not show: {error.message.slice(0, 300).replace(/\.$/, "")}. The rest of the app still works.{' '}
          {reset ? `${reset.what} Try again, or reset it if this repeats.` : 'Try again; if this repeats, copy the details into a bug report.'}
        </p>
        <div className="error-actions">
          <button type="button" className="primary" onClick={this.retry}>
            Try again
          </button>
          {reset && (
            <button type="button" onClick={() => void this.reset()} data-testid="crash-reset">
              {reset.label}
            </button>
          )}
          <button type="button" onClick={this.copy}>
            {copied ? 'Copied' : 'Copy details'}
          </button>
        </div>
      </section>
    );
  }
}
