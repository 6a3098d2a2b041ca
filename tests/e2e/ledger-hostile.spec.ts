// Ledger files that must be refused say why, with their line and column where they have one, in
// the user's language, and leave storage exactly as it was; a customer name holding a
// spreadsheet formula is kept and shown as text.
import { expect, test } from '@playwright/test';
import { Encours } from './encours';

const FEC_HEADER =
  'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise';
const fecLine = (date: string, aux: string, name: string, debit: string, credit: string, account = '411000') =>
  ['VT', 'Ventes', '1', date, account, 'Clients', aux, name, 'FA1', date, 'Facture', debit, credit, '', '', date, '', ''].join('\t');

const REFUSED = [
  {
    why: 'a binary file',
    file: { name: 'photo.txt', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a, 0x1a, 0x0a]) },
    message: /n'est pas du texte/,
  },
  {
    why: 'a date that does not exist',
    file: { name: 'fec.txt', buffer: Buffer.from([FEC_HEADER, fecLine('20250230', 'C1', 'Alpha', '100,00', '0,00')].join('\n')) },
    message: /ligne 2, colonne 4 \(EcritureDate\) : date illisible « 20250230 »/,
  },
  {
    why: 'an amount beyond what a decimal holds',
    file: { name: 'fec.txt', buffer: Buffer.from([FEC_HEADER, fecLine('20250210', 'C1', 'Alpha', '99999999999999999999999999999999', '0,00')].join('\n')) },
    message: /ligne 2, colonne 12 \(Debit\) : montant illisible/,
  },
  {
    why: 'a CSV with only its header',
    file: { name: 'balance.csv', buffer: Buffer.from('Code client;Pièce;Date;Montant\n') },
    message: /qu'une ligne d'en-tête/,
  },
];

test.describe('a ledger file that cannot be read', () => {
  for (const { why, file, message } of REFUSED) {
    test(`is refused (${why}) and nothing is stored`, async ({ page }) => {
      const app = new Encours(page);
      await app.open();
      await app.loadDemo();
      const before = await app.storage();
      await app.importLedger(file);
      await expect(app.importError).toContainText(message);
      await expect(app.importError).toContainText("Rien n'a été modifié");
      await expect(app.byTestId('ledger-import-dialog')).toHaveCount(0);
      expect(await app.storage()).toEqual(before);
    });
  }
});

test('a customer named with a formula is created under that name, shown as text', async ({ page }) => {
  const app = new Encours(page);
  await app.open();
  const formula = '=HYPERLINK("http://example.com","x")';
  const fec = [FEC_HEADER, fecLine('20250210', 'C7', formula, '120,00', '0,00'), fecLine('20250210', '', '', '0,00', '120,00', '706000')].join('\r\n');
  await app.importLedger({ name: 'fec.txt', buffer: Buffer.from(fec) });
  await expect(app.ledgerCustomer('C7')).toContainText(formula);
  await app.byTestId('ledger-create-all').click();
  await app.confirmImport();
  await expect(app.clientRow('client-c7').getByTestId('row-name')).toHaveText(formula);
  expect(await page.locator('a[href^="http://example.com"]').count()).toBe(0);
  app.expectClean();
});
