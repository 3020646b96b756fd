/** The frame around every page: skip link, menu button, page titles, the session's end. */
const en = {
  'shell.skip': 'Skip to main content',
  'shell.menu': 'Menu',
  'notFound.title': 'Page not found',
  'notFound.home': 'Go to the home page',
};

const fr: Record<keyof typeof en, string> = {
  'shell.skip': 'Aller au contenu principal',
  'shell.menu': 'Menu',
  'notFound.title': 'Page not found',
  'notFound.home': 'Go to the home page',
};

export default { en, fr };
