/**
 * Lighthouse (desktop preset) on the web app's first pages, in local Chromium: the performance
 * score and the largest contentful paint of the sign-in page, Your products and Licenses.
 */
import lighthouse from 'lighthouse';
import desktop from 'lighthouse/core/config/desktop-config.js';
import { launch } from 'chrome-launcher';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/helpers/chromium.js';

export interface PageScore {
  label: string;
  path: string;
  score: number;
  lcpMs: number;
}

export async function lighthousePages(base: string, sessionCookie: string): Promise<PageScore[]> {
  const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_ARGS });
  const scores: PageScore[] = [];
  try {
    for (const [label, path, signedIn] of [
      ['sign-in', '/', false],
      ['Your products', '/billing/products', true],
      ['Licenses', '/billing/licenses', true],
    ] as const) {
      const result = await lighthouse(
        base + path,
        {
          port: chrome.port,
          logLevel: 'error',
          onlyCategories: ['performance'],
          ...(signedIn ? { extraHeaders: { cookie: sessionCookie } } : {}),
        },
        desktop,
      );
      const lhr = result!.lhr;
      // a page that did not load is an error of the run, not a score of 0
      if (lhr.runtimeError) throw new Error(`Lighthouse on ${path}: ${lhr.runtimeError.message}`);
      scores.push({
        label,
        path,
        score: Math.round((lhr.categories.performance!.score ?? 0) * 100),
        lcpMs: Math.round(lhr.audits['largest-contentful-paint']!.numericValue ?? 0),
      });
    }
  } finally {
    chrome.kill();
  }
  return scores;
}
