// Invoices and exports as documents: the buyer's VAT number, the export formats (issue 16).
const en = {
  'bp.vatNumber': 'VAT number',
  'bp.vatNumberHint': 'Printed on your invoices, with its country prefix: FR12345678901, DE123456789…',
  'inv.xlsx': 'Export (Excel)',
  'error.invalid_vat_number': 'This is not a VAT number of {country}.',
};

const fr: Record<keyof typeof en, string> = {
  'bp.vatNumber': 'N° de TVA intracommunautaire',
  'bp.vatNumberHint': 'Figure sur vos factures, avec le préfixe du pays : FR12345678901, DE123456789…',
  'inv.xlsx': 'Exporter (Excel)',
  'error.invalid_vat_number': "Ce n'est pas un numéro de TVA de {country}.",
};

export default { en, fr };
