// The data-testid contract of SPEC.md ("Outputs that tests read") on the analysis view: every
// figure is in the DOM, once, with its raw value in data-value (amounts 2 places, ratios and
// scores 4, half-even; empty when absent) — for a demo file, and for a new file with no statement.
//
// Boulangerie Martin, latest year closed 2025-12-31, default policy, analysis date 2026-11-22
// (figures by hand in tests/engine_demo.rs; the browser's clock is pinned to that day).
import { expect, test } from '@playwright/test';
import { AGGREGATES, ANALYSIS_TESTIDS, CRITERIA, DEMO_DATE, Encours, FAILURE_SCORES, RATIOS } from './encours';

/** Every figure of SPEC.md for Boulangerie Martin; a value of `null` is only checked present. */
const BOULANGERIE: Record<string, string> = {
  score: '98.7500',
  'risk-class': 'A',
  completeness: '1.0000',
  'limit-need': '3787.40',
  'limit-capacity': '25640.00',
  'limit-secured': '0.00',
  'limit-recommended': '3500.00',
  'limit-unsecured': '3500.00',
  'limit-binding': 'need',
  'terms-recommended': '60',
  'review-due': '2027-11-22',
  'agg-revenue': '894000.00',
  'agg-commercial_margin': '99500.00',
  'agg-production': '668000.00',
  'agg-external_consumption': '319500.00',
  'agg-value_added': '448000.00',
  'agg-personnel_costs': '289000.00',
  'agg-ebitda': '144500.00',
  'agg-operating_result': '107500.00',
  'agg-current_result': '103900.00',
  'agg-net_income': '79900.00',
  'agg-caf': '116900.00',
  'agg-fixed_assets': '222000.00',
  'agg-current_assets': '124200.00',
  'agg-total_assets': '346200.00',
  'agg-equity': '173200.00',
  'agg-financial_debt': '97000.00',
  'agg-structural_financial_debt': '97000.00',
  'agg-operating_liabilities': '76000.00',
  'agg-total_debts': '173000.00',
  'agg-total_liabilities': '346200.00',
  'agg-short_term_debt': '76000.00',
  'agg-stable_resources': '270200.00',
  'agg-working_capital': '48200.00',
  'agg-working_capital_requirement': '-35800.00',
  'agg-net_cash': '84000.00',
  'agg-net_financial_debt': '13000.00',
  'agg-tangible_net_worth': '128200.00',
  'ratio-equity_ratio': '0.5003',
  'ratio-gearing': '0.0751',
  'ratio-repayment_capacity': '0.8298',
  'ratio-current_ratio': '1.6342',
  'ratio-quick_ratio': '1.4303',
  'ratio-cash_ratio': '1.1053',
  'ratio-dso_days': '3.5724',
  'ratio-dpo_days': '20.7078',
  'ratio-inventory_days': '6.3283',
  'ratio-wcr_days': '-14.6163',
  'ratio-ebitda_margin': '0.1616',
  'ratio-net_margin': '0.0894',
  'ratio-return_on_equity': '0.4613',
  'ratio-personnel_weight': '0.6451',
  'ratio-interest_coverage': '41.2857',
  'ratio-financial_charges_weight': '0.0040',
  'ratio-revenue_growth': '0.0518',
  'score-altman_z2': '4.4589',
  'score-altman_z1': '4.1682',
  'score-conan_holder': '35.4391',
};

/** Points of each criterion: 100 everywhere but information quality 4 → 75. */
const BOULANGERIE_POINTS: Record<string, number> = Object.fromEntries(
  CRITERIA.map((c) => [c, c === 'information_quality' ? 75 : 100]),
);

test('a demo file: every figure of the contract, once, with its value', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate(DEMO_DATE);
  await app.open();
  await app.loadDemo();
  await app.openClient('demo-boulangerie-martin');
  await app.goTo('analysis');
  await expect(app.byTestId('analysis-page')).toBeVisible();

  const shown = await app.figures();
  for (const id of ANALYSIS_TESTIDS) {
    expect(shown[id], `${id} is in the DOM with a data-value`).toBeDefined();
    expect(shown[id], `${id} appears once`).toHaveLength(1);
  }
  for (const [id, value] of Object.entries(BOULANGERIE)) expect(shown[id]?.[0], id).toBe(value);
  for (const [c, points] of Object.entries(BOULANGERIE_POINTS)) {
    const v = shown[`criterion-${c}`]?.[0];
    expect(v, `criterion-${c}`).toMatch(/^\d+(\.\d+)?$/);
    expect(Number(v), `criterion-${c}`).toBe(points);
  }
  // Not provisional: the element is absent.
  await expect(app.provisional()).toHaveCount(0);
  // Format of every data-value: amounts with 2 places, ratios and scores with 4.
  for (const a of AGGREGATES) expect(shown[`agg-${a}`][0], a).toMatch(/^-?\d+\.\d{2}$/);
  for (const r of RATIOS) expect(shown[`ratio-${r}`][0], r).toMatch(/^-?\d+\.\d{4}$/);
  for (const s of FAILURE_SCORES) expect(shown[`score-${s}`][0], s).toMatch(/^-?\d+\.\d{4}$/);

  // The same figures through the page object's locators (the way other specs read them).
  await expect(app.score()).toHaveAttribute('data-value', '98.7500');
  await expect(app.riskClass()).toHaveAttribute('data-value', 'A');
  await expect(app.limit('recommended')).toHaveAttribute('data-value', '3500.00');
  await expect(app.agg('working_capital_requirement')).toHaveAttribute('data-value', '-35800.00');
  await expect(app.ratio('dso_days')).toHaveAttribute('data-value', '3.5724');
  await expect(app.failureScore('conan_holder')).toHaveAttribute('data-value', '35.4391');
  await expect(app.criterion('information_quality')).toHaveAttribute('data-value', /^75(\.0+)?$/);
  await expect(app.reviewDue()).toHaveAttribute('data-value', '2027-11-22');
  app.expectClean();
});

test('a figure keeps its data-value in English (raw values, not display text)', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate(DEMO_DATE);
  await app.open();
  await app.loadDemo();
  await app.openClient('demo-boulangerie-martin');
  await app.goTo('analysis');
  const french = await app.figures();
  await app.switchLanguage('en');
  await expect(app.byTestId('analysis-page')).toContainText('Credit limit');
  expect(await app.figures()).toEqual(french);
  app.expectClean();
});

test('a new file with no statement: the same elements, empty where there is nothing to show', async ({ page }) => {
  const app = new Encours(page);
  await app.pinDate(DEMO_DATE);
  await app.open();
  await app.newClient();
  await app.byTestId('open-analysis').click();
  await expect(app.byTestId('analysis-page')).toBeVisible();

  const shown = await app.figures();
  for (const id of ANALYSIS_TESTIDS) {
    expect(shown[id], `${id} is in the DOM with a data-value`).toBeDefined();
    expect(shown[id], `${id} appears once`).toHaveLength(1);
  }
  // Nothing to compute from: every aggregate, ratio, failure score and criterion is empty.
  for (const id of ANALYSIS_TESTIDS.filter((t) => /^(agg|ratio|score|criterion)-/.test(t))) {
    expect(shown[id][0], id).toBe('');
  }
  // Not rated: no score, completeness 0 (so provisional); only secured amounts (none) granted,
  // payment with order, review in one month (FINANCE.md §5–6).
  expect(shown.score[0]).toBe('');
  expect(shown['risk-class'][0]).toBe('NR');
  expect(shown.completeness[0]).toBe('0.0000');
  await expect(app.provisional()).toHaveCount(1);
  expect(shown['limit-need'][0]).toBe('');
  expect(shown['limit-capacity'][0]).toBe('0.00');
  expect(shown['limit-secured'][0]).toBe('0.00');
  expect(shown['limit-recommended'][0]).toBe('0.00');
  expect(shown['limit-unsecured'][0]).toBe('0.00');
  expect(shown['limit-binding'][0]).toBe('secured');
  expect(shown['terms-recommended'][0]).toBe('0');
  expect(shown['review-due'][0]).toBe('2026-12-22');
  app.expectClean();
});

test('the analysis with no file open: the same elements, all empty', async ({ page }) => {
  const app = new Encours(page);
  await app.open('#analysis');
  await expect(app.byTestId('analysis-page')).toBeVisible();
  await expect(app.byTestId('analysis-empty')).toBeVisible();
  const shown = await app.figures();
  for (const id of ANALYSIS_TESTIDS) {
    expect(shown[id], `${id} is in the DOM with a data-value`).toBeDefined();
    expect(shown[id][0], id).toBe('');
  }
  app.expectClean();
});
