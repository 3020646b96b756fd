/** The frame around every page: skip link, menu button, page titles, the session's end. */
const en = {
  'shell.skip': 'Skip to main content',
  'shell.menu': 'Menu',
};

const fr: Record<keyof typeof en, string> = {
  'shell.skip': 'Aller au contenu principal',
  'shell.menu': 'Menu',
};

export default { en, fr };
