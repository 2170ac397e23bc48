import { useRef, useState } from 'preact/hooks';

/** A button that asks for confirmation in the page (no browser dialog), then acts. */
export function BevestigKnop({ label, vraag, ja, onJa }: { label: string; vraag: string; ja: string; onJa: () => void }) {
  const [open, setOpen] = useState(false);
  const knop = useRef<HTMLButtonElement>(null);
  if (!open)
    return (
      <button ref={knop} type="button" class="utrecht-button utrecht-button--secondary-action utrecht-button--danger" onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  return (
    <div class="utrecht-alert utrecht-alert--warning" role="alertdialog" aria-labelledby="bevestig-vraag">
      <div class="utrecht-alert__message">
        <p class="nl-paragraph" id="bevestig-vraag">{vraag}</p>
        <div class="utrecht-button-group">
          <button
            type="button"
            class="utrecht-button utrecht-button--secondary-action utrecht-button--danger"
            ref={(el) => el?.focus()}
            onClick={() => {
              setOpen(false);
              onJa();
            }}
          >
            {ja}
          </button>
          <button type="button" class="utrecht-button utrecht-button--secondary-action" onClick={() => setOpen(false)}>
            Annuleren
          </button>
        </div>
      </div>
    </div>
  );
}
