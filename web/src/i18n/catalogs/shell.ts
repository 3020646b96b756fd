/** The frame around every page: skip link, menu button, page titles, the session's end. */
const en = {
  'shell.skip': 'Skip to main content',
  'shell.menu': 'Menu',
  'notFound.title': 'Page not found',
  'notFound.home': 'Go to the home page',
  'invalid.field': '{field}: {message}',
  'label.value': '{label}: {value}',
  'label.paysFor': 'pays for {products}',
  'buy.invalidQuantity': 'Enter a whole number from 1 to 10,000.',
  'invalid.required': 'this field is required.',
  'invalid.date': 'choose a date.',
  'invalid.format': 'the format is not valid.',
  'invalid.range': 'the value is outside the limits.',
  'invalid.other': 'the value is not valid.',
};

const fr: Record<keyof typeof en, string> = {
  'shell.skip': 'Aller au contenu principal',
  'shell.menu': 'Menu',
  'notFound.title': 'Page introuvable',
  'notFound.home': "Aller à la page d'accueil",
  'invalid.field': '{field} : {message}',
  'label.value': '{label} : {value}',
  'label.paysFor': 'paie {products}',
  'buy.invalidQuantity': 'Entrez un nombre entier de 1 à 10 000.',
  'invalid.required': 'ce champ est obligatoire.',
  'invalid.date': 'choisissez une date.',
  'invalid.format': "le format n'est pas valide.",
  'invalid.range': 'la valeur est en dehors des limites.',
  'invalid.other': "la valeur n'est pas valide.",
};

export default { en, fr };
