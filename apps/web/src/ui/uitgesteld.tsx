import { Component, createRef, type ComponentChildren } from 'preact';

/**
 * A part of a page that is out of sight while the user types follows once the typing pauses.
 *
 * Every keystroke in the scenario form recomputes the allocation, and everything on the page that
 * shows it would be redrawn: the 342 rows of the municipalities' table, the period, the scenario
 * in words. Within one frame only what is on the screen needs to be. So a part wrapped in
 * `Uitgesteld` is redrawn at once when it is on the screen, when it gets other content (`sleutel`:
 * other rows, another year), or when the change is the first one after a pause; a change that
 * follows the previous one within `WACHT_MS` while the part is out of sight waits until the changes
 * pause for that long, or until the part comes into sight. A single change (a choice, a pasted
 * value, a test's `fill`) therefore shows everywhere at once, as before.
 *
 * Its children get what they show as props: a component under it that reads a signal itself is
 * redrawn by that signal at once regardless. The part is a `div` of its own (what is observed).
 */

/** How long the changes must pause before the parts out of sight follow (as for the comparison of variants). */
export const WACHT_MS = 150;

interface Props {
  children: ComponentChildren;
  /** What the part shows apart from the figures (its rows, its year): when it changes, the part is redrawn at once. */
  sleutel?: string;
  class?: string;
  /** `none` inside an ARIA table: the rows in the part are the table's rows. */
  role?: 'none';
}

const wachtend = new Set<Uitgesteld>();
/** When the parts waiting follow, unless another change comes first; one timer for all of them. */
let volgOm = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

function wacht(u: Uitgesteld, nu: number): void {
  wachtend.add(u);
  volgOm = nu + WACHT_MS;
  timer ??= setTimeout(volg, WACHT_MS);
}

function volg(): void {
  const rest = volgOm - performance.now();
  if (rest > 1) {
    timer = setTimeout(volg, rest);
    return;
  }
  timer = undefined;
  const alle = [...wachtend];
  wachtend.clear();
  for (const u of alle) u.forceUpdate();
}

const inBeeld = new WeakMap<Element, Uitgesteld>();
let kijker: IntersectionObserver | undefined;
/** One observer for all parts: it says which are on the screen (clipped by the boxes they scroll in). */
function waarnemer(): IntersectionObserver {
  return (kijker ??= new IntersectionObserver((entries) => {
    for (const e of entries) inBeeld.get(e.target)?.zichtbaar(e.isIntersecting);
  }));
}

export class Uitgesteld extends Component<Props> {
  /** Until the observer has said otherwise, a part counts as on the screen. */
  private opScherm = true;
  private vorige = -Infinity;
  private el = createRef<HTMLDivElement>();
  private waargenomen: Element | null = null;

  zichtbaar(ja: boolean): void {
    this.opScherm = ja;
    if (ja && wachtend.delete(this)) this.forceUpdate();
  }

  override shouldComponentUpdate(next: Props): boolean {
    const nu = performance.now();
    const snel = nu - this.vorige < WACHT_MS;
    this.vorige = nu;
    if (!snel || this.opScherm || next.sleutel !== this.props.sleutel) {
      wachtend.delete(this);
      return true;
    }
    wacht(this, nu);
    return false;
  }

  override componentDidMount(): void {
    const el = (this.waargenomen = this.el.current!);
    inBeeld.set(el, this);
    waarnemer().observe(el);
  }

  override componentWillUnmount(): void {
    wachtend.delete(this);
    if (this.waargenomen) waarnemer().unobserve(this.waargenomen);
  }

  override render({ children, class: cls, role }: Props) {
    return (
      <div ref={this.el} class={cls} role={role}>
        {children}
      </div>
    );
  }
}
