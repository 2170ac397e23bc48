import { useRef, useState } from 'preact/hooks';

/** A button that asks for confirmation in the page (no browser dialog), then acts. */
export function BevestigKnop({ label, vraag, ja, onJa }: { label: string; vraag: string; ja: string; onJa: () => void }) {
  const [open, setOpen] = useState(false);
  const knop = useRef<HTMLButtonElement>(null);
  if (!open)
    return (
      <button ref={knop} type="button" class="knop knop--gevaar" onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  return (
    <div class="melding melding--waarschuwing" role="alertdialog" aria-labelledby="bevestig-vraag">
      <p id="bevestig-vraag">{vraag}</p>
      <div class="knoppen">
        <button
          type="button"
          class="knop knop--gevaar"
          ref={(el) => el?.focus()}
          onClick={() => {
            setOpen(false);
            onJa();
          }}
        >
          {ja}
        </button>
        <button type="button" class="knop knop--secundair" onClick={() => setOpen(false)}>
          Annuleren
        </button>
      </div>
    </div>
  );
}
