/**
 * Who sells: the operator's legal identity, printed on every invoice and credit note (French
 * law asks for the name, legal form and share capital, address, SIREN and RCS, VAT number).
 */
export interface Seller {
  name: string;
  /** e.g. SAS, SARL, Ltd */
  legalForm?: string | undefined;
  /** share capital in whole euros */
  capitalEuros?: number | undefined;
  address: string[];
  country: string;
  /** the French company number (9 digits) */
  siren?: string | undefined;
  /** the trade register's city, e.g. "Paris" for "RCS Paris" */
  rcsCity?: string | undefined;
  vatNumber?: string | undefined;
}

/** From SELFSERVE_SELLER_* (see README); the demo's made-up company when unset. */
export function sellerFromEnv(env: NodeJS.ProcessEnv): Seller {
  const capital = env.SELFSERVE_SELLER_CAPITAL ?? '10000';
  return {
    name: env.SELFSERVE_SELLER_NAME ?? 'Selfserve SAS',
    legalForm: (env.SELFSERVE_SELLER_LEGAL_FORM ?? 'SAS') || undefined,
    capitalEuros: capital ? Number(capital) : undefined,
    address: (env.SELFSERVE_SELLER_ADDRESS ?? '10 rue de la Paix; 75002 Paris')
      .split(';')
      .map((l) => l.trim())
      .filter(Boolean),
    country: env.SELFSERVE_SELLER_COUNTRY ?? 'FR',
    siren: (env.SELFSERVE_SELLER_SIREN ?? '123 456 782') || undefined,
    rcsCity: (env.SELFSERVE_SELLER_RCS ?? 'Paris') || undefined,
    vatNumber: (env.SELFSERVE_SELLER_VAT ?? 'FR11123456782') || undefined,
  };
}
