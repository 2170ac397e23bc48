/**
 * The letter (`letter.ts`) as one self-contained HTML document, ready to print or to save as
 * PDF from a browser: inline CSS only, no script, no image, no font or link to load. A4 with
 * margins, a header and the page number ("Pagina 2 van 5") on every page, table headers
 * repeated, no row split over two pages, the explanations as an appendix after a page break.
 * Every text is HTML-escaped; every figure and sentence comes from the model.
 */
import type { Letter, LetterAmount, LetterYear } from './letter.js';

/** Text as HTML: `&`, `<`, `>`, `"` and `'` escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** Text as a CSS string literal: quotes, backslashes, line ends and `<` escaped (so no `</style>` can occur). */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

const e = escapeHtml;

/** The letter's stylesheet, without the pages (`letterPageCss`). */
export const LETTER_CSS = `
:root { --lint: #01689b; --donker: #154273; --licht: #e5f0f9; --grijs: #535353; --lijn: #b4b4b4; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #f3f3f3; color: #000; font: 10pt/1.45 "RO Sans", "Segoe UI", Calibri, "Liberation Sans", Arial, sans-serif; }
.brief { max-width: 190mm; margin: 0 auto; background: #fff; padding: 14mm 16mm 16mm; }
.brief__kop { display: flex; gap: 5mm; align-items: flex-start; margin: 0 0 7mm; }
.brief__lint { flex: none; width: 9mm; height: 19mm; background: var(--lint); }
.brief__afzender { padding-top: 1mm; }
.brief__product { margin: 0; font-size: 12pt; font-weight: 700; color: var(--donker); }
.brief__sub { margin: 0; color: var(--grijs); font-size: 9pt; }
.brief__gegevens { display: grid; grid-template-columns: max-content 1fr; gap: 0.3mm 5mm; margin: 0 0 5mm; font-size: 9pt; }
.brief__gegevens dt { color: var(--grijs); }
.brief__gegevens dd { margin: 0; }
h1 { font-size: 18pt; line-height: 1.2; margin: 0 0 3mm; color: var(--donker); font-weight: 700; }
h2 { font-size: 11.5pt; margin: 4mm 0 1.5mm; color: var(--donker); break-after: avoid; }
h3 { font-size: 10pt; margin: 4mm 0 1mm; break-after: avoid; }
p { margin: 0 0 2mm; max-width: 46em; }
.inleiding { font-size: 10.5pt; }
.kenmerken { display: flex; flex-wrap: wrap; gap: 1mm 7mm; margin: 0 0 4mm; padding: 0; list-style: none; font-size: 9pt; }
.kenmerken b { font-weight: 600; color: var(--grijs); }
.scenario { border-left: 1.2mm solid var(--lint); background: var(--licht); padding: 2.5mm 4mm; margin: 0 0 4mm; }
.scenario p, .scenario ul { margin: 0 0 1mm; }
.scenario ul { padding-left: 5mm; font-size: 9pt; }
.tabel { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 700; padding: 0 0 1.5mm; color: var(--donker); font-size: 9.5pt; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { padding: 0.8mm 1.6mm; vertical-align: top; border-bottom: 0.2mm solid var(--lijn); }
thead th { background: var(--donker); color: #fff; font-weight: 600; text-align: left; vertical-align: bottom; }
thead th.num { text-align: right; }
tbody th { font-weight: 600; text-align: left; white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
thead th.num { white-space: normal; min-width: 5.5em; }
tbody tr:nth-child(even) td, tbody tr:nth-child(even) th { background: #f6f6f6; }
tfoot th { text-align: left; }
tfoot th, tfoot td { font-weight: 700; border-top: 0.5mm solid var(--donker); border-bottom: 0; }
td.totaal, th.totaal { background: var(--licht) !important; font-weight: 700; }
.st { display: block; font-size: 7pt; font-weight: 400; color: var(--grijs); letter-spacing: 0.01em; }
.leeg { color: var(--grijs); }
.klein { font-size: 8.5pt; }
.gedempt { color: var(--grijs); }
ul.lijst { margin: 0 0 2mm; padding-left: 5mm; font-size: 8.5pt; line-height: 1.35; }
ul.lijst li { margin: 0 0 0.4mm; break-inside: avoid; }
dl.statussen { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; margin: 0 0 2mm; font-size: 8.5pt; }
dl.statussen dt { font-weight: 700; }
dl.statussen dd { margin: 0; }
.bronnen { font-size: 7.5pt; columns: 2 72mm; column-gap: 7mm; }
.bronnen li { break-inside: avoid; }
.bronnen a { color: var(--lint); word-break: break-all; }
p.voetnoot { max-width: none; }
.voetnoot { margin-top: 3mm; padding-top: 2mm; border-top: 0.2mm solid var(--lijn); font-size: 8pt; color: var(--grijs); }
.bijlage { break-before: page; page-break-before: always; }
.bijlage h2 { font-size: 13pt; margin-top: 0; }
.uitleg { margin: 0 0 3mm; font-size: 8.5pt; }
.uitleg h3 { font-size: 9.5pt; margin: 3mm 0 0.5mm; color: var(--donker); }
.uitleg ol { margin: 0; padding-left: 5mm; }
.uitleg li { margin: 0 0 0.6mm; }
.uitleg li:last-child { font-weight: 600; }
@media print {
  body { background: #fff; }
  .brief { max-width: none; margin: 0; padding: 0; }
  .tabel { overflow: visible; }
  /* A table split over two pages keeps its caption, its header and three rows together, and
     three rows (or two and the total) on the next page: no caption left alone at a page's foot. */
  caption, thead, tbody tr:nth-child(-n+2) { break-after: avoid; }
  tbody tr:nth-last-child(-n+2), tfoot { break-before: avoid; }
  thead th, td.totaal, th.totaal, tbody tr:nth-child(even) td, tbody tr:nth-child(even) th, .scenario, .brief__lint { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: #000; text-decoration: none; }
}
@media screen and (max-width: 40rem) {
  .brief { padding: 6mm 4mm; }
  h1 { font-size: 15pt; }
}
`;

/**
 * The pages of the letter: A4 with margins, the letter's header line at the top left and the
 * stand of the data at the top right of every page after the first, the data version at the
 * bottom left and "Pagina 2 van 5" at the bottom right (CSS page margin boxes).
 */
export function letterPageCss(l: Letter): string {
  const font = 'font: 8pt "Segoe UI", Calibri, "Liberation Sans", Arial, sans-serif; color: #535353;';
  return `@page {
  size: A4;
  margin: 16mm 16mm 15mm;
  @top-left { content: ${cssString(l.kopregel)}; ${font} }
  @top-right { content: ${cssString(`Stand gegevens ${l.gegevens.datum}`)}; ${font} }
  @bottom-left { content: ${cssString(`Rekenhulp Kansrijke Start · gegevens ${l.gegevens.versie}`)}; ${font} }
  @bottom-right { content: "Pagina " counter(page) " van " counter(pages); ${font} }
}
@page :first {
  @top-left { content: none; }
  @top-right { content: none; }
}
`;
}

function cell(a: LetterAmount, cls = ''): string {
  const c = `num${cls ? ` ${cls}` : ''}${a.soort === 'bedrag' ? '' : ' leeg'}`;
  return `<td class="${c}">${e(a.tekst)}${a.status ? `<span class="st">${e(a.status)}</span>` : ''}</td>`;
}

function yearRow(y: LetterYear): string {
  return `<tr><th scope="row">${e(y.label)}</th>${y.cellen.map((c) => cell(c)).join('')}${cell(y.totaal, 'totaal')}<td class="num">${e(y.perInwonerTekst)}</td></tr>`;
}

function list(items: readonly string[], cls = 'lijst'): string {
  return items.length === 0 ? '' : `<ul class="${cls}">${items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`;
}

/** The summary (the letter without its appendix) as HTML, inside `<div class="brief">`. */
function summary(l: Letter): string {
  const out: string[] = [];
  out.push(`<header class="brief__kop"><div class="brief__lint" aria-hidden="true"></div><div class="brief__afzender"><p class="brief__product">Rekenhulp Kansrijke Start</p><p class="brief__sub">Verdeling van de middelen over jaren, stromen en gemeenten</p></div></header>`);
  out.push('<dl class="brief__gegevens">');
  if (l.datum) out.push(`<dt>Datum</dt><dd>${e(l.datum)}</dd>`);
  out.push(`<dt>Onderwerp</dt><dd>${e(l.onderwerp)}</dd>`);
  out.push(`<dt>Scenario</dt><dd>${e(l.scenario.basis ? `${l.scenario.naam} (geen wijzigingen)` : l.scenario.naam)}</dd>`);
  out.push(`<dt>Gegevens</dt><dd>stand ${e(l.gegevens.datum)}, versie ${e(l.gegevens.versie)}; rekenmotor ${e(l.gegevens.motor)}</dd>`);
  out.push('</dl>');
  out.push(`<h1>${e(l.titel)}</h1>`);
  out.push(`<ul class="kenmerken">${l.kenmerken.map((k) => `<li><b>${e(k.label)}</b> ${e(k.waarde)}</li>`).join('')}</ul>`);
  out.push(`<p class="inleiding">${e(l.inleiding)}</p>`);

  const s = l.scenario;
  out.push(`<section class="scenario"><p><b>${e(s.kop)}</b>, ${e(s.herindelingen)}.</p>`);
  if (s.omschrijving) out.push(`<p>${e(s.omschrijving)}</p>`);
  if (s.wijzigingen.length > 0) out.push(`<p class="klein">${s.wijzigingen.length === 1 ? 'De wijziging' : `De ${s.wijzigingen.length} wijzigingen`} ten opzichte van de basis:</p>${list(s.wijzigingen, '')}`);
  if (s.eigenStromen.length > 0) out.push(`<p class="klein">Eigen stromen van het scenario:</p>${list(s.eigenStromen, '')}`);
  out.push('</section>');

  out.push('<div class="tabel"><table class="bedragen">');
  out.push(`<caption>Bedragen per jaar en stroom, in euro</caption>`);
  out.push(`<thead><tr><th scope="col">Jaar</th>${l.stromen.map((x) => `<th scope="col" class="num">${e(x.naam)}</th>`).join('')}<th scope="col" class="num">Totaal</th><th scope="col" class="num">Per inwoner</th></tr></thead>`);
  out.push(`<tbody>${l.jaren.map(yearRow).join('')}</tbody>`);
  out.push(`<tfoot><tr><th scope="row">Samen</th>${l.perStroom.map((c) => cell(c)).join('')}${cell(l.totaal, 'totaal')}<td class="num">${e(l.totaalPerInwonerTekst)}</td></tr></tfoot>`);
  out.push('</table></div>');
  out.push(list([...l.nietVerdeeld, ...l.opmerkingen]));

  if (l.vergelijking) {
    const v = l.vergelijking;
    out.push('<div class="tabel"><table class="vergelijking">');
    out.push(`<caption>Totaal per jaar: ${e(v.namen.join(' en '))}</caption>`);
    out.push(`<thead><tr><th scope="col">Jaar</th>${v.namen.map((n) => `<th scope="col" class="num">${e(n)}</th>`).join('')}${v.namen.slice(1).map((n) => `<th scope="col" class="num">Verschil ${e(n)}</th>`).join('')}</tr></thead><tbody>`);
    for (const y of v.jaren) out.push(`<tr><th scope="row">${y.jaar}</th>${y.totalen.map((t) => cell(t)).join('')}${y.verschillen.map((d) => `<td class="num">${e(d.tekst)}</td>`).join('')}</tr>`);
    out.push(`</tbody><tfoot><tr><th scope="row">Samen</th>${v.totaal.totalen.map((t) => cell(t)).join('')}${v.totaal.verschillen.map((d) => `<td class="num">${e(d.tekst)}</td>`).join('')}</tr></tfoot></table></div>`);
  }

  if (l.mandaat.length > 0) {
    out.push('<h2>Als mandaatgemeente</h2>');
    out.push(`<p class="klein">Geld dat ${e(l.naam)} ontvangt namens een regio; het is niet van de gemeente zelf en staat niet in de totalen hierboven.</p>`);
    out.push(list(l.mandaat.map((m) => `${m.jaar}, ${m.stroom}, ${m.regio}: ${m.bedrag.tekst}${m.bedrag.status ? ` (${m.bedrag.status})` : ''}`)));
  }
  if (l.regio) {
    out.push(`<h2>De gemeenten van de regio</h2><p class="klein">${e(l.regio.gemeenten.map((g) => g.naam).join(', '))}. Hoe de indeling bij de regio is afgeleid, staat in de bijlage.</p>`);
    if (l.regio.onzeker.length > 0) out.push(list(l.regio.onzeker.map((x) => `Onzeker: ${x}`)));
  }

  out.push('<h2>Wat de statussen betekenen</h2>');
  out.push(`<dl class="statussen">${l.statussen.map((x) => `<dt>${e(x.status)}</dt><dd>${e(x.betekenis)}</dd>`).join('')}</dl>`);
  if (l.redenen.length > 0) out.push(`<p class="klein"><b>Waarom een bedrag een raming, een scenario of onbekend is:</b></p>${list(l.redenen)}`);
  if (l.besluiten.length > 0) out.push(`<h2>Nog te nemen besluiten</h2>${list(l.besluiten)}`);
  out.push('<h2>Bronnen</h2><ul class="lijst bronnen">');
  for (const b of l.bronnen) {
    const bits = [b.uitgever, b.datum, b.kenmerk].filter((x): x is string => !!x).map(e).join(', ');
    out.push(`<li>${e(b.titel)}${bits ? ` (${bits})` : ''}${b.url ? `. ${e(b.url)}` : ''}</li>`);
  }
  out.push('</ul>');
  out.push(`<p class="voetnoot">${e(l.voetnoot)}</p>`);
  return out.join('\n');
}

function appendix(l: Letter): string {
  const out = [`<section class="bijlage"><h2>Bijlage: hoe elk bedrag is berekend</h2><p class="klein">${e(l.bijlageInleiding)}</p>`];
  for (const b of l.bijlage) {
    out.push(`<article class="uitleg"><h3>${e(b.titel)}: ${e(b.bedragTekst)}${b.status ? ` (${e(b.status)})` : ''}</h3><ol>${b.alineas.map((a) => `<li>${e(a)}</li>`).join('')}</ol></article>`);
  }
  out.push('</section>');
  return out.join('\n');
}

/** The letter as one self-contained HTML document. `bijlage: false` leaves the appendix out. */
export function letterToHtml(l: Letter, opties: { bijlage?: boolean } = {}): string {
  const title = `Kansrijke Start: ${l.titel}${l.scenario.basis ? '' : `, scenario ${l.scenario.naam}`}`;
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${LETTER_CSS}
${letterPageCss(l)}</style>
</head>
<body>
<main class="brief">
${summary(l)}
${opties.bijlage === false ? '' : appendix(l)}
</main>
</body>
</html>
`;
}
