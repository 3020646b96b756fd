/** The frame around every page: skip link, menu button, page titles, the session's end. */
const en = {
  'shell.skip': 'Skip to main content',
  'shell.menu': 'Menu',
  'notFound.title': 'Page not found',
  'notFound.home': 'Go to the home page',
  'invalid.field': '{field}: {message}',
  'invalid.required': 'this field is required.',
  'invalid.date': 'choose a date.',
  'invalid.format': 'the format is not valid.',
  'invalid.range': 'the value is outside the limits.',
  'invalid.other': 'the value is not valid.',
};

const fr: Record<keyof typeof en, string> = {
  'shell.skip': 'Aller au contenu principal',
  'shell.menu': 'Menu',
  'notFound.title': 'Page not found',
  'notFound.home': 'Go to the home page',
  'invalid.field': '{field}: {message}',
  'invalid.required': 'this field is required.',
  'invalid.date': 'choose a date.',
  'invalid.format': 'the format is not valid.',
  'invalid.range': 'the value is outside the limits.',
  'invalid.other': 'the value is not valid.',
};

export default { en, fr };
