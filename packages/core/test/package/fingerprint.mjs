// The figures a consumer of the packed package computes, and the same figures from the core in
// this repository (package.test.ts): every stream-year's total, the sum and count of its known
// lines, one municipality's amounts and the text of one explanation, and the xlsx workbook's
// bytes (fflate writes a fixed time, so equal tables give equal bytes). Plain JavaScript, so the
// test can copy it into a fresh project and bundle it with vite unchanged.

/** FNV-1a over bytes: a short digest that needs neither node:crypto nor a browser API. */
function fnv1a(bytes) {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

export async function fingerprint(core, loadXlsx, scenarioText) {
  const data = core.baselineData();
  const out = core.allocateScenario(data, scenarioText);
  if (!out.ok) return { fouten: out.fouten.map((p) => core.formatProblem(p)) };
  const basis = core.allocateScenario(data, core.emptyScenario());
  if (!basis.ok) return { fouten: ['basis'] };
  const totals = out.allocation.resultaten.map((r) => {
    let sum = 0n;
    let known = 0;
    for (const l of r.regels) if (l.bedrag !== null) (sum += l.bedrag), known++;
    return `${r.stroom} ${r.jaar} ${r.totaal} ${r.status} ${r.regels.length} ${known} ${sum}`;
  });
  const amsterdam = out.allocation.resultaten
    .flatMap((r) => r.regels)
    .filter((l) => l.ontvanger === 'GM0363')
    .map((l) => `${l.stroom} ${l.jaar} ${l.bedrag === null ? 'onbekend' : core.formatEuro(l.bedrag, 'auto')} ${l.status}`);
  const e = core.explain(out.allocation, { stroom: 'ks-brede-spuk', jaar: 2026, ontvanger: 'GM0363', vandaag: '2026-12-01' });
  const xlsx = await loadXlsx();
  const bytes = xlsx.resultsWorkbook(data, out.scenario, basis.allocation, out.allocation, ['Basis', out.scenario.naam], { vandaag: '2026-12-01' });
  return {
    naam: out.scenario.naam,
    gemeenten: data.gemeenten.length,
    totals,
    amsterdam,
    uitleg: e.ok ? core.renderExplanation(e.uitleg).join('\n') : null,
    xlsx: { bytes: bytes.length, zip: bytes[0] === 0x50 && bytes[1] === 0x4b, fnv: fnv1a(bytes) },
  };
}
