// Hostile imports, end to end (SPEC.md "Reliability and security"): invalid JSON, files near
// and over 20 MB, deep nesting, the wrong type at every level of the exchange format, amounts
// beyond Decimal, impossible dates, fiscal years of 0 and 25 months — each refused with a
// message naming the place, in French and in English, with every byte of localStorage unchanged
// (all of it compared before and after). Markup and script in names, ids and quoted values
// render as text: no element made from them, no dialog, no console error.
import { expect, test, type Page } from '@playwright/test';
import { Encours } from './encours';

/** A valid document: one client, two years, every part of the format present. */
function base(): { [k: string]: unknown } {
  const year = (date: string, cash: string) => ({
    closing_date: date,
    duration_months: 12,
    headcount: 5,
    balance_sheet: { cash, trade_receivables: '30000', share_capital: '10000' },
    income_statement: { sales_of_goods: '400000', purchases_of_goods: '250000' },
    reported: { net_income: '12000' },
  });
  return {
    format: 'encours',
    version: 1,
    exported_at: '2026-11-20T09:00:00Z',
    clients: [
      {
        id: 'hostile-base',
        name: 'Fromagerie Nouvelle',
        siren: '552100554',
        legal_form: 'SARL',
        naf_code: '1051C',
        created_on: '2015-06-01',
        sector_risk: 'medium',
        qualitative: {
          payment_history: { new_client: false, avg_days_late: 3 },
          payment_incidents_12m: 0,
          collective_proceeding: 'none',
          information_quality: 3,
        },
        trade: {
          expected_annual_sales: '48000',
          terms_days: 30,
          terms_basis: 'net',
          expected_delay_days: 0,
          insurance_cover: '0',
          guarantees: '0',
          requested_limit: '10000',
        },
        statements: [year('2025-12-31', '20000'), year('2024-12-31', '15000')],
        notes: 'ok',
        rating: { policy_version: 1, rated_on: '2026-11-20', class: 'B', score: '70', limit: '10000' },
      },
    ],
  };
}

/** A placeholder replaced by raw JSON text (numbers JSON.stringify cannot write). */
const raw = (text: string) => `__RAW__${text}__RAW__`;

/**
 * The base document with `value` at `where` ('clients.0.statements.1.duration_months'; '' for
 * the whole document; undefined as value removes the field), as JSON text.
 */
function mutated(where: string, value: unknown): string {
  let doc: unknown = base();
  if (where === '') doc = value;
  else {
    const keys = where.split('.');
    let at = doc as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
    const last = keys[keys.length - 1];
    if (value === undefined) delete at[last];
    else at[last] = value;
  }
  return JSON.stringify(doc).replace(/"__RAW__(.*?)__RAW__"/g, '$1');
}

const NOT_OBJECT = "n'est pas un objet";
const NOT_LIST = "n'est pas une liste";
const NOT_TEXT = "n'est pas un texte entre guillemets";
const NOT_NUMBER = "n'est pas un nombre";
const NOT_WHOLE = "n'est pas un nombre entier positif ou nul";
const NOT_BOOL = 'doit valoir true ou false';
const BAD_DATE = "n'est pas une date valide";
const OUT_OF_RANGE = 'montant hors limites';
const DURATION = "la durée de l'exercice doit être comprise entre 1 et 24 mois";
const MISSING = 'manquant';

/** [where, value, the message expected after "Fichier refusé (« … ») — "]. */
const CASES: [string, unknown, string][] = [
  // The document.
  ['', [], NOT_OBJECT],
  ['', 'encours', NOT_OBJECT],
  ['', 42, NOT_OBJECT],
  ['', null, NOT_OBJECT],
  ['format', 1, "format : ce n'est pas un fichier Encours"],
  ['format', ['encours'], "format : ce n'est pas un fichier Encours"],
  ['version', '1', `version : ${NOT_WHOLE}`],
  ['version', 1.5, `version : ${NOT_WHOLE}`],
  ['version', {}, `version : ${NOT_WHOLE}`],
  ['version', 0, 'version : valeur inconnue « 0 »'],
  ['version', undefined, `version : ${MISSING}`],
  ['exported_at', 20261120, `exported_at : ${NOT_TEXT}`],
  ['policy', 'stricte', 'policy : politique de crédit invalide'],
  ['policy', { version: 2, rounding_step: '500' }, 'policy : politique de crédit invalide'],
  ['clients', {}, `clients : ${NOT_LIST}`],
  ['clients', 'hostile-base', `clients : ${NOT_LIST}`],
  // A client.
  ['clients.0', 'hostile-base', `clients[0] : ${NOT_OBJECT}`],
  ['clients.0', [], `clients[0] : ${NOT_OBJECT}`],
  ['clients.0', 7, `clients[0] : ${NOT_OBJECT}`],
  ['clients.0.id', 42, `clients[0].id : ${NOT_TEXT}`],
  ['clients.0.id', '', 'clients[0].id : ne doit pas être vide'],
  ['clients.0.id', undefined, `clients[0].id : ${MISSING}`],
  ['clients.0.name', ['Fromagerie'], `clients[0].name : ${NOT_TEXT}`],
  ['clients.0.name', undefined, `clients[0].name : ${MISSING}`],
  ['clients.0.siren', 552100554, `clients[0].siren : ${NOT_TEXT}`],
  ['clients.0.legal_form', {}, `clients[0].legal_form : ${NOT_TEXT}`],
  ['clients.0.naf_code', true, `clients[0].naf_code : ${NOT_TEXT}`],
  ['clients.0.created_on', 20150601, `clients[0].created_on : ${NOT_TEXT}`],
  ['clients.0.created_on', '2025-02-30', `clients[0].created_on : ${BAD_DATE}`],
  ['clients.0.created_on', '01/06/2015', `clients[0].created_on : ${BAD_DATE}`],
  ['clients.0.sector_risk', 2, `clients[0].sector_risk : ${NOT_TEXT}`],
  ['clients.0.sector_risk', 'extreme', 'clients[0].sector_risk : valeur inconnue « extreme »'],
  ['clients.0.notes', { text: 'ok' }, `clients[0].notes : ${NOT_TEXT}`],
  // Qualitative facts.
  ['clients.0.qualitative', [], `clients[0].qualitative : ${NOT_OBJECT}`],
  ['clients.0.qualitative.payment_history', 'good', `clients[0].qualitative.payment_history : ${NOT_OBJECT}`],
  ['clients.0.qualitative.payment_history.new_client', 'false', `clients[0].qualitative.payment_history.new_client : ${NOT_BOOL}`],
  ['clients.0.qualitative.payment_history.avg_days_late', -3, `clients[0].qualitative.payment_history.avg_days_late : ${NOT_WHOLE}`],
  ['clients.0.qualitative.payment_incidents_12m', '0', `clients[0].qualitative.payment_incidents_12m : ${NOT_WHOLE}`],
  ['clients.0.qualitative.collective_proceeding', 'faillite', 'clients[0].qualitative.collective_proceeding : valeur inconnue « faillite »'],
  ['clients.0.qualitative.information_quality', 6, 'clients[0].qualitative.information_quality : doit être compris entre 1 et 5'],
  ['clients.0.qualitative.information_quality', '3', `clients[0].qualitative.information_quality : ${NOT_WHOLE}`],
  // Trade terms.
  ['clients.0.trade', 'net', `clients[0].trade : ${NOT_OBJECT}`],
  ['clients.0.trade.expected_annual_sales', true, `clients[0].trade.expected_annual_sales : ${NOT_NUMBER}`],
  ['clients.0.trade.terms_days', '30', `clients[0].trade.terms_days : ${NOT_WHOLE}`],
  ['clients.0.trade.terms_days', 4294967296, 'clients[0].trade.terms_days : nombre trop grand'],
  ['clients.0.trade.terms_basis', 45, `clients[0].trade.terms_basis : ${NOT_TEXT}`],
  ['clients.0.trade.expected_delay_days', -1, `clients[0].trade.expected_delay_days : ${NOT_WHOLE}`],
  ['clients.0.trade.insurance_cover', [], `clients[0].trade.insurance_cover : ${NOT_NUMBER}`],
  ['clients.0.trade.guarantees', { eur: 1 }, `clients[0].trade.guarantees : ${NOT_NUMBER}`],
  ['clients.0.trade.requested_limit', '1e30', `clients[0].trade.requested_limit : ${OUT_OF_RANGE}`],
  // Statements.
  ['clients.0.statements', {}, `clients[0].statements : ${NOT_LIST}`],
  ['clients.0.statements.1', '2024-12-31', `clients[0].statements[1] : ${NOT_OBJECT}`],
  ['clients.0.statements.1.closing_date', undefined, `clients[0].statements[1].closing_date : ${MISSING}`],
  ['clients.0.statements.1.closing_date', 2024, `clients[0].statements[1].closing_date : ${NOT_TEXT}`],
  ['clients.0.statements.1.closing_date', '2025-02-30', `clients[0].statements[1].closing_date : ${BAD_DATE}`],
  ['clients.0.statements.1.closing_date', '2024-13-01', `clients[0].statements[1].closing_date : ${BAD_DATE}`],
  ['clients.0.statements.1.duration_months', 0, `clients[0].statements[1].duration_months : ${DURATION}`],
  ['clients.0.statements.1.duration_months', 25, `clients[0].statements[1].duration_months : ${DURATION}`],
  ['clients.0.statements.1.duration_months', '12', `clients[0].statements[1].duration_months : ${NOT_WHOLE}`],
  ['clients.0.statements.1.duration_months', 12.5, `clients[0].statements[1].duration_months : ${NOT_WHOLE}`],
  ['clients.0.statements.1.headcount', -1, `clients[0].statements[1].headcount : ${NOT_WHOLE}`],
  ['clients.0.statements.1.balance_sheet', [], `clients[0].statements[1].balance_sheet : ${NOT_OBJECT}`],
  ['clients.0.statements.1.income_statement', 'x', `clients[0].statements[1].income_statement : ${NOT_OBJECT}`],
  ['clients.0.statements.1.reported', 5, `clients[0].statements[1].reported : ${NOT_OBJECT}`],
  // Amounts: the wrong type, and beyond Decimal (whose largest value is 79228162514264337593543950335).
  ['clients.0.statements.1.balance_sheet.cash', true, `clients[0].statements[1].balance_sheet.cash : ${NOT_NUMBER}`],
  ['clients.0.statements.1.balance_sheet.cash', 'abc', `clients[0].statements[1].balance_sheet.cash : ${NOT_NUMBER}`],
  ['clients.0.statements.1.balance_sheet.cash', '12,5', `clients[0].statements[1].balance_sheet.cash : ${NOT_NUMBER}`],
  ['clients.0.statements.1.balance_sheet.cash', 'NaN', `clients[0].statements[1].balance_sheet.cash : ${NOT_NUMBER}`],
  ['clients.0.statements.1.balance_sheet.cash', 1e30, `clients[0].statements[1].balance_sheet.cash : ${OUT_OF_RANGE}`],
  ['clients.0.statements.1.balance_sheet.cash', '1e30', `clients[0].statements[1].balance_sheet.cash : ${OUT_OF_RANGE}`],
  ['clients.0.statements.1.balance_sheet.cash', '1e400', `clients[0].statements[1].balance_sheet.cash : ${OUT_OF_RANGE}`],
  ['clients.0.statements.1.balance_sheet.cash', '79228162514264337593543950336', `clients[0].statements[1].balance_sheet.cash : ${OUT_OF_RANGE}`],
  ['clients.0.statements.1.balance_sheet.cash', raw('79228162514264337593543950336'), `clients[0].statements[1].balance_sheet.cash : ${OUT_OF_RANGE}`],
  ['clients.0.statements.1.balance_sheet.cash', raw('-79228162514264337593543950336'), `clients[0].statements[1].balance_sheet.cash : ${OUT_OF_RANGE}`],
  ['clients.0.statements.1.balance_sheet.cash', '0.0000001', `clients[0].statements[1].balance_sheet.cash : trop de décimales`],
  ['clients.0.statements.1.income_statement.sales_of_goods', [400000], `clients[0].statements[1].income_statement.sales_of_goods : ${NOT_NUMBER}`],
  ['clients.0.statements.1.reported.net_income', { value: '1' }, `clients[0].statements[1].reported.net_income : ${NOT_NUMBER}`],
  // The rating record.
  ['clients.0.rating', 'B', `clients[0].rating : ${NOT_OBJECT}`],
  ['clients.0.rating.class', 'Z', 'clients[0].rating.class : valeur inconnue « Z »'],
  ['clients.0.rating.rated_on', '2026-02-29', `clients[0].rating.rated_on : ${BAD_DATE}`],
  ['clients.0.rating.limit', undefined, `clients[0].rating.limit : ${MISSING}`],
];

/** A portfolio with the demo files and one edit: storage holds more than a fresh import. */
async function withDemo(page: Page): Promise<Encours> {
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.loadDemo();
  await app.openClient('demo-negoce-durand');
  await app.field('notes').fill('Revu le 20/11.');
  await app.goTo('portfolio');
  await expect.poll(async () => (await app.storedClient('demo-negoce-durand'))?.notes).toBe('Revu le 20/11.');
  await app.settle();
  return app;
}

/** Imports `text` under `name`; expects the refusal with `message`, and storage as `before`. */
async function expectRefused(app: Encours, before: Record<string, string>, name: string, text: string | Buffer, message: string) {
  await app.importFile({ name, buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });
  // The file name in the message tells this refusal from the one before.
  await expect(app.importError).toContainText(`Fichier refusé (« ${name} ») — ${message}`);
  await expect(app.importError).toContainText("Rien n'a été modifié.");
  await expect(app.byTestId('import-dialog')).toHaveCount(0);
  await app.settle();
  expect(await app.storage(), `${name}: storage unchanged`).toEqual(before);
}

test('the wrong type at every level of the format is refused, naming the place; storage unchanged', async ({ page }) => {
  test.setTimeout(120_000);
  const app = await withDemo(page);
  const before = await app.storage();
  for (const [i, [where, value, message]] of CASES.entries()) {
    await expectRefused(app, before, `cas-${i}.json`, mutated(where, value), message);
  }
  await app.expectRowCount(6);
  // The base document itself is accepted: each refusal above came from its one change.
  await app.importFile({ name: 'base.json', buffer: Buffer.from(mutated('clients.0.notes', 'ok')) });
  await expect(app.importSummary).toContainText('1 dossier ajouté');
  await app.expectRowCount(7);
  app.expectClean();
});

test('the same refusals are worded in English, naming the same place', async ({ page }) => {
  const app = new Encours(page);
  await app.open();
  await app.switchLanguage('en');
  await app.settle();
  const before = await app.storage();
  const english: [string, unknown, string][] = [
    ['clients.0.statements.1.duration_months', 25, 'clients[0].statements[1].duration_months: the fiscal year must last between 1 and 24 months'],
    ['clients.0.statements.1.closing_date', '2025-02-30', 'clients[0].statements[1].closing_date: not a valid date'],
    ['clients.0.statements.1.balance_sheet.cash', raw('79228162514264337593543950336'), 'clients[0].statements[1].balance_sheet.cash: amount out of range'],
    ['clients.0.qualitative.payment_history.new_client', 1, 'clients[0].qualitative.payment_history.new_client: must be true or false'],
    ['clients', {}, 'clients: not a list'],
  ];
  for (const [i, [where, value, message]] of english.entries()) {
    await app.importFile({ name: `case-${i}.json`, buffer: Buffer.from(mutated(where, value)) });
    await expect(app.importError).toContainText(`File refused (“case-${i}.json”) — ${message}`);
    await expect(app.importError).toContainText('Nothing was changed.');
  }
  await app.settle();
  expect(await app.storage()).toEqual(before);
  app.expectClean();
});

test('invalid JSON, deep nesting and files near or over 20 MB are refused without a crash; storage unchanged', async ({ page }) => {
  test.setTimeout(120_000);
  const app = await withDemo(page);
  const before = await app.storage();
  const n = 100_000;
  const cases: [string, string | Buffer, string][] = [
    ['coupe.json', mutated('', base()).slice(0, 200), "le fichier n'est pas un JSON valide"],
    ['virgule.json', '{"format": "encours", "version": 1,}', "le fichier n'est pas un JSON valide"],
    ['binaire.json', Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x80, 0x81, 0x00]), "le fichier n'est pas un JSON valide"],
    ['vide.json', '', "le fichier n'est pas un JSON valide"],
    ['nan.json', mutated('clients.0.statements.1.balance_sheet.cash', raw('NaN')), "le fichier n'est pas un JSON valide"],
    // serde_json stops at 128 levels: 100 000 nested arrays never reach the wasm stack's depth.
    ['tableaux.json', '['.repeat(n) + ']'.repeat(n), "le fichier n'est pas un JSON valide (nested more than 128 levels deep"],
    ['objets.json', '{"a":'.repeat(n) + '1' + '}'.repeat(n), "le fichier n'est pas un JSON valide (nested more than 128 levels deep"],
    ['notes-profondes.json', mutated('clients.0.notes', raw('['.repeat(n) + ']'.repeat(n))), "le fichier n'est pas un JSON valide (nested more than 128 levels deep"],
    // Just under 20 MB: 19.9 MB of nesting, then 19.9 MB of valid clients with a bad last one.
    ['profond-20mo.json', '['.repeat(19_900_000), "le fichier n'est pas un JSON valide (nested more than 128 levels deep"],
  ];
  const many = Array.from({ length: 90_000 }, (_, i) => ({ id: `c${i}`, name: `Client ${i} ${'x'.repeat(180)}` }));
  const big = JSON.stringify({ format: 'encours', version: 1, clients: [...many, { id: 5, name: 'x' }] });
  expect(big.length).toBeGreaterThan(19_000_000);
  expect(big.length).toBeLessThan(20_000_000);
  cases.push(['grand-19mo.json', big, `clients[90000].id : ${NOT_TEXT}`]);
  for (const [name, text, message] of cases) await expectRefused(app, before, name, text, message);

  // Over 20 MB: refused before reading.
  await app.importFile({ name: 'enorme.json', buffer: Buffer.alloc(20_000_001, 0x5b) });
  await expect(app.importError).toContainText('« enorme.json » fait 20,0 Mo');
  await app.settle();
  expect(await app.storage()).toEqual(before);
  await app.expectRowCount(6);
  app.expectClean();
});

test('markup and script in names, ids, notes and quoted values render as text and never run', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  const before = await app.storage();

  // A value outside its list is quoted back in the message, as text.
  const payload = '<img src=x onerror=alert(1)>';
  await expectRefused(app, before, 'img.json', mutated('clients.0.sector_risk', payload), `clients[0].sector_risk : valeur inconnue « ${payload} »`);
  await expectRefused(app, before, '<script>alert(1)</script>.json', mutated('clients.0.id', 1), `clients[0].id : ${NOT_TEXT}`);

  const hostile = [
    { id: 'x"><img src=x onerror=alert(1)>', name: '<script>alert(1)</script>', notes: '<img src=x onerror=alert(2)>' },
    { id: 'svg', name: '<svg onload=alert(3)><b>Gras</b> & Co', legal_form: '<iframe src="javascript:alert(4)">', naf_code: '</td><script>alert(5)</script>' },
  ];
  const doc = base();
  const template = (doc.clients as Record<string, unknown>[])[0];
  doc.clients = hostile.map((h) => ({ ...template, ...h }));
  await app.importJson(doc, 'hostile.json');
  await expect(app.importSummary).toContainText('2 dossiers ajoutés');
  await app.expectRowCount(2);
  for (const h of hostile) await expect(app.clientRow(h.id).getByTestId('row-name')).toHaveText(h.name);

  await app.openClient(hostile[0].id);
  await expect(app.field('name')).toHaveValue(hostile[0].name);
  await expect(app.field('notes')).toHaveValue(hostile[0].notes);
  expect(await app.openId()).toBe(hostile[0].id);
  await app.goTo('analysis');
  await expect(app.byTestId('analysis-page')).toContainText(hostile[0].name);
  await app.goTo('portfolio');
  await app.openClient('svg');
  await expect(app.field('legal_form')).toHaveValue(hostile[1].legal_form);
  await expect(app.field('naf_code')).toHaveValue(hostile[1].naf_code);
  await app.goTo('portfolio');

  // The conflict dialogue shows both names as text.
  const again = base();
  again.clients = [{ ...template, id: 'svg', name: '<img src=y onerror=alert(6)>' }];
  await app.importJson(again, 'encore.json');
  await expect(app.byTestId('import-dialog')).toContainText('<img src=y onerror=alert(6)>');
  await expect(app.byTestId('import-dialog')).toContainText(hostile[1].name);
  await app.resolveConflict('skip');
  await app.confirmImport();
  await app.expectRowCount(2);

  await app.settle();
  expect(dialogs).toEqual([]);
  expect(await page.locator('main img, main svg[onload], main iframe, main script, main b, [role="dialog"] img').count()).toBe(0);
  expect(app.requests.filter((u) => /\/[xy]$/.test(u))).toEqual([]);
  // Stored as they came.
  expect((await app.storedClient(hostile[0].id))?.name).toBe(hostile[0].name);
  app.expectClean();
});

test('a policy that breaks the rules is never adopted: a message, the policy in force and its history unchanged', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate();
  await app.open();
  await app.goTo('policy');
  await expect(app.policyPage).toBeVisible();
  const policy = (await app.downloadedJson(await app.exportPolicy())) as Record<string, unknown>;
  await app.goTo('portfolio');
  await app.settle();
  const before = await app.storage();
  // Well-formed, but a rounding step of 0 (a division by zero in the engine) and thresholds
  // out of order.
  const bad = { ...policy, version: 7, rounding_step: '0', classes: { a: '10', b: '20', c: '30', d: '40' } };
  const doc = base();
  doc.policy = bad;
  await app.importJson(doc, 'politique.json');
  await expect(app.byTestId('import-dialog')).toBeVisible();
  await app.byTestId('import-adopt-policy').check();
  await app.confirmImport();
  await expect(app.byTestId('notice')).toContainText("La politique du fichier n'a pas été adoptée");
  await expect(app.importSummary).toContainText('1 dossier ajouté');
  await expect(app.importSummary).not.toContainText('politique adoptée');
  await app.settle();
  const after = await app.storage();
  // The client was added; nothing else changed, the policy history least of all.
  expect(Object.keys(after).sort()).toEqual([...Object.keys(before), 'encours.client.hostile-base'].sort());
  for (const [key, value] of Object.entries(before)) expect(after[key], key).toBe(value);
  await app.goTo('policy');
  await expect(app.byTestId('policy-version')).toHaveAttribute('data-value', '1');
  app.expectClean();
});
