import { Component, type ErrorInfo, type ReactNode } from "react";

type Props = { children: ReactNode; resetKey?: unknown };
type State = { error: Error | null };

/** Catches a render error below it and shows a way out instead of a blank page. */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error("Render error", error, info.componentStack);
  }

  componentDidUpdate(previous: Props): void {
    if (this.state.error && previous.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="mx-auto max-w-xl rounded-lg border border-red-200 bg-red-50 p-6 text-red-950">
        <h2 className="text-lg font-semibold">Something went wrong on this page</h2>
        <p className="mt-2 text-sm">The rest of the app still works. Try again, or go back to your research.</p>
        <div className="mt-4 flex flex-wrap gap-3">
          <button type="button" className="rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          <a className="rounded-md border border-red-300 px-4 py-2 text-sm font-medium hover:bg-red-100" href="/tasks">
            Research history
          </a>
        </div>
      </div>
    );
  }
}
