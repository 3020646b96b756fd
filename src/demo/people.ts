import type { NewPerson } from '../db/people.js';

/** Contoso's people: the pinned demo accounts first, then colleagues to search and license. */
export const CONTOSO_PINNED: NewPerson[] = [
  { displayName: 'Patti Fernandez', email: 'admin@contoso.example', role: 'admin', usageLocation: 'FR' },
  { displayName: 'Lidia Holloway', email: 'billing@contoso.example', role: 'billing_admin', usageLocation: 'FR' },
  { displayName: 'Lee Gu', email: 'reader@contoso.example', role: 'global_reader', usageLocation: 'FR' },
  { displayName: 'Adèle Vance', email: 'adele@contoso.example', role: 'member', usageLocation: 'FR' },
  { displayName: 'Megan Bowen', email: 'megan@contoso.example', role: 'member', usageLocation: 'FR' },
  // a member without a usage location: licenses cannot be assigned to her until one is set
  { displayName: 'Nestor Wilke', email: 'nestor.wilke@contoso.example', role: 'member', usageLocation: null },
  {
    displayName: 'Grady Archie',
    email: 'grady.archie@contoso.example',
    role: 'member',
    usageLocation: 'FR',
    status: 'disabled',
  },
];

const CONTOSO_COLLEAGUES = [
  'Alex Wilber',
  'Diego Siciliani',
  'Henrietta Mueller',
  'Isaiah Langer',
  'Johanna Lorenz',
  'Lynne Robbins',
  'Miriam Graham',
  'Pradeep Gupta',
  'Élodie Martin',
  'Océane Dubois',
  'Théo Bernard',
  'Chloé Petit',
  'Hélène Durand',
  'Jérôme Leroy',
  'François Moreau',
  'Zoé Simon',
  'Noémie Laurent',
  'Loïc Lefebvre',
  'Gaëlle Michel',
  'Raphaël Garcia',
  'Anaïs David',
  'Clément Bertrand',
  'Mathéo Roux',
  'Inès Vincent',
  'Maël Fournier',
  'Léa Morel',
  'Jules Girard',
  'Émilie André',
  'Lucas Mercier',
  'Manon Dupont',
  'Hugo Lambert',
  'Camille Bonnet',
  'Louis François',
  'Sarah Martinez',
  'Arthur Legrand',
  'Juliette Garnier',
  'Nathan Faure',
  'Alice Rousseau',
  'Gabriel Blanc',
  'Louise Guérin',
  'Adam Muller',
  'Jade Henry',
  'Ethan Roussel',
  'Lina Nicolas',
  'Paul Perrin',
  'Rose Morin',
  'Victor Mathieu',
  'Ambre Clément',
];

export const FABRIKAM_PINNED: NewPerson[] = [
  { displayName: 'Ray Tanaka', email: 'admin@fabrikam.example', role: 'admin', usageLocation: 'US' },
  { displayName: 'Joni Sherman', email: 'joni@fabrikam.example', role: 'member', usageLocation: 'US' },
];

const FABRIKAM_COLLEAGUES = [
  'Adele Vance',
  'Christie Cline',
  'Debra Berger',
  'Irvin Sayers',
  'Allan Deyoung',
  'Enrico Cattaneo',
];

export function emailFor(displayName: string, domain: string): string {
  const local = displayName
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.');
  return `${local}@${domain}`;
}

const colleagues = (names: string[], domain: string, usageLocations: string[]): NewPerson[] =>
  names.map((displayName, i) => ({
    displayName,
    email: emailFor(displayName, domain),
    usageLocation: usageLocations[i % usageLocations.length],
  }));

export const CONTOSO_PEOPLE = [
  ...CONTOSO_PINNED,
  ...colleagues(CONTOSO_COLLEAGUES, 'contoso.example', ['FR', 'FR', 'FR', 'DE', 'US']),
];
export const FABRIKAM_PEOPLE = [...FABRIKAM_PINNED, ...colleagues(FABRIKAM_COLLEAGUES, 'fabrikam.example', ['US'])];
