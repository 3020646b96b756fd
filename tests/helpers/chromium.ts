// The local Chromium and the flags it runs with, headless and quiet: the browser tests (through
// Playwright) and the Lighthouse bench (through chrome-launcher) start it the same way.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
