import { Component, type FunctionComponent } from 'preact';

/**
 * A component that is redrawn only when one of its props changed (compared with ===): for the
 * rows of a table of which an edit changes a few, given as texts, so that the others are not
 * compared element by element on every keystroke.
 */
export function alleenBijWijziging<P extends object>(teken: FunctionComponent<P>) {
  return class AlleenBijWijziging extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      const nu = this.props as Record<string, unknown>;
      const straks = next as Record<string, unknown>;
      for (const k in straks) if (straks[k] !== nu[k]) return true;
      for (const k in nu) if (!(k in straks)) return true;
      return false;
    }
    override render(p: P) {
      return teken(p);
    }
  };
}
