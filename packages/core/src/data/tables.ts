/** The official tables whose shares serve as observed keys: the Brede SPUK 2025 and the SPUK IZA per region. */
import type { RawData } from './raw/index.js';
import type { ObservedTable } from './types.js';
import type { Parsed } from './checks.js';

const BRON_BRIEF_SPUK = 'VWS-brief Wijziging SPUK IZA en Brede SPUK, 12-09-2025, kenmerk 4190863-1084972-DMO';

export function bredeSpukTable(raw: RawData, p: Parsed): ObservedTable {
  return {
    id: 'brede-spuk-2025',
    naam: 'Brede SPUK 2025 per gemeente (alle onderdelen samen)',
    status: 'officieel',
    bron: `${BRON_BRIEF_SPUK}, bijlage 2A (bestand ${raw.bredeSpukTotaal2025.file})`,
    toelichting:
      "Officieel bedrag 2025 per gemeente voor alle onderdelen van de Brede SPUK samen, inclusief de loon- en prijsbijstelling 2024, afgerond op hele euro's. " +
      'Alle onderdelen gebruiken één verdeelsleutel, dus het aandeel van een gemeente in deze tabel is de Brede SPUK-sleutel zoals toegepast.',
    bedragen: new Map(p.bredeSpuk.map((r) => [r.waarde.code, r.waarde.bedrag])),
    // The letter of 12-09-2025 sets the 2026 amounts of the regulation on this same key.
    sleutelJaren: [2025, 2026],
  };
}

/** ' Twente ontvangt via SamenTwente, ...' for every region whose mandate holder has no GM code. */
function notMunicipalities(p: Parsed): string {
  const regios = p.iza.map((r) => r.waarde.regio).filter((r) => r.mandaatgemeenteCode === null);
  return regios.map((r) => ` ${r.naam} ontvangt via ${r.mandaatgemeente}; dat is geen gemeente en heeft dus geen gemeentecode.`).join('');
}

export function izaTable(raw: RawData, p: Parsed, jaar: 2025 | 2026): ObservedTable {
  const bijlage = `${BRON_BRIEF_SPUK}, bijlage 2B (bestand ${raw.spukIzaPerRegio20252026.file})`;
  return {
    id: `spuk-iza-${jaar}`,
    naam: `SPUK IZA ${jaar} per IZA-regio`,
    status: 'officieel',
    bron: bijlage,
    toelichting:
      `Officieel SPUK IZA-bedrag ${jaar} per IZA-regio (sleutel: id van de regio), betaald aan de mandaatgemeente van de regio.` +
      notMunicipalities(p),
    bedragen: new Map(p.iza.map((r) => [r.waarde.regio.id, jaar === 2025 ? r.waarde.bedrag2025 : r.waarde.bedrag2026])),
    sleutelJaren: [jaar],
  };
}

/** The years of a municipality list, from its file name (`gemeenten-2023-2026.csv`). */
