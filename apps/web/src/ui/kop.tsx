import { useEffect, useRef } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

/** Set on every navigation after the first page load: the new view's h1 then takes the focus. */
export const navigatie = { verplaatsFocus: false };

/** The page heading; sets the document title and receives focus after a navigation. */
export function Kop1({ children, titel }: { children: ComponentChildren; titel: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${titel} – Rekenhulp Kansrijke Start`;
    if (navigatie.verplaatsFocus) ref.current?.focus({ preventScroll: false });
  }, [titel]);
  return (
    <h1 class="nl-heading nl-heading--level-1" ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
