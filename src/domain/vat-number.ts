/**
 * VAT identification numbers by format, as each tax administration publishes them (the EU's
 * VIES, HMRC, the Swiss UID, the Norwegian MVA register), with the country prefix. Greece
 * writes EL. A format check catches typing errors; it does not say the number is registered.
 */
const FORMATS: Record<string, { pattern: RegExp; example: string }> = {
  AT: { pattern: /^ATU\d{8}$/, example: 'ATU12345678' },
  BE: { pattern: /^BE[01]\d{9}$/, example: 'BE0123456789' },
  BG: { pattern: /^BG\d{9,10}$/, example: 'BG123456789' },
  CY: { pattern: /^CY\d{8}[A-Z]$/, example: 'CY12345678X' },
  CZ: { pattern: /^CZ\d{8,10}$/, example: 'CZ12345678' },
  DE: { pattern: /^DE\d{9}$/, example: 'DE123456789' },
  DK: { pattern: /^DK\d{8}$/, example: 'DK12345678' },
  EE: { pattern: /^EE\d{9}$/, example: 'EE123456789' },
  ES: { pattern: /^ES[A-Z0-9]\d{7}[A-Z0-9]$/, example: 'ESX1234567X' },
  FI: { pattern: /^FI\d{8}$/, example: 'FI12345678' },
  FR: { pattern: /^FR[0-9A-HJ-NP-Z]{2}\d{9}$/, example: 'FR12345678901' },
  GR: { pattern: /^EL\d{9}$/, example: 'EL123456789' },
  HR: { pattern: /^HR\d{11}$/, example: 'HR12345678901' },
  HU: { pattern: /^HU\d{8}$/, example: 'HU12345678' },
  IE: { pattern: /^IE(\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W])$/, example: 'IE1234567WA' },
  IT: { pattern: /^IT\d{11}$/, example: 'IT12345678901' },
  LT: { pattern: /^LT(\d{9}|\d{12})$/, example: 'LT123456789' },
  LU: { pattern: /^LU\d{8}$/, example: 'LU12345678' },
  LV: { pattern: /^LV\d{11}$/, example: 'LV12345678901' },
  MT: { pattern: /^MT\d{8}$/, example: 'MT12345678' },
  NL: { pattern: /^NL\d{9}B\d{2}$/, example: 'NL123456789B01' },
  PL: { pattern: /^PL\d{10}$/, example: 'PL1234567890' },
  PT: { pattern: /^PT\d{9}$/, example: 'PT123456789' },
  RO: { pattern: /^RO\d{2,10}$/, example: 'RO1234567890' },
  SE: { pattern: /^SE\d{10}01$/, example: 'SE123456789001' },
  SI: { pattern: /^SI\d{8}$/, example: 'SI12345678' },
  SK: { pattern: /^SK\d{10}$/, example: 'SK1234567890' },
  GB: { pattern: /^GB(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/, example: 'GB123456789' },
  CH: { pattern: /^CHE\d{9}(MWST|TVA|IVA)?$/, example: 'CHE-123.456.789 TVA' },
  NO: { pattern: /^NO\d{9}(MVA)?$/, example: 'NO123456789MVA' },
};

/** The EU member states: a business buyer in another one than the seller's accounts for the VAT itself. */
export const EU_COUNTRIES = new Set(Object.keys(FORMATS).filter((c) => !['GB', 'CH', 'NO'].includes(c)));

/** As people type it ("fr 40 303 265 045", "CHE-123.456.789 TVA"): upper case, without spaces, dots and dashes. */
export const normalizeVatNumber = (input: string) => input.toUpperCase().replace(/[\s.\-]/g, '');

export type VatCheck = { ok: true; vatNumber: string } | { ok: false; example?: string };

/** The number, normalized, when it has the format of the country's VAT numbers. */
export function checkVatNumber(country: string, input: string): VatCheck {
  const format = FORMATS[country];
  const vatNumber = normalizeVatNumber(input);
  if (!format) return { ok: false };
  return format.pattern.test(vatNumber) ? { ok: true, vatNumber } : { ok: false, example: format.example };
}
