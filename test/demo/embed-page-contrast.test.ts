// The embed page's own chrome (demo/embed.html with demo/embed.css), light and dark: axe-core's
// contrast check over the host page's text, which the end-to-end axe run (the views only) leaves
// out. A new user measured the breadcrumbs at 4.39:1 and the dark selects at 4.3:1.
import { expect } from '@open-wc/testing';

/** embed.html's body without its scripts and elements, the selects given a word to measure. */
async function embedChrome(): Promise<HTMLElement> {
  const [page, css] = await Promise.all(
    ['/demo/embed.html', '/demo/embed.css'].map(async (url) => (await fetch(url)).text()),
  );
  const doc = new DOMParser().parseFromString(page!, 'text/html');
  for (const drop of doc.querySelectorAll('script, email-responses')) drop.remove();
  for (const select of doc.querySelectorAll('select')) select.append(new Option('English'));
  const host = document.createElement('div');
  host.className = 'embed-chrome';
  const style = document.createElement('style');
  style.textContent = css!;
  host.append(style, ...doc.body.childNodes);
  document.body.append(host);
  return host;
}

describe('the embed page’s own chrome', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`has AA contrast, ${theme}`, async () => {
      document.documentElement.dataset['theme'] = theme;
      const host = await embedChrome();
      try {
        await expect(host).to.be.accessible({ ignoredRules: ['region', 'landmark-unique', 'page-has-heading-one'] });
      } finally {
        host.remove();
        delete document.documentElement.dataset['theme'];
      }
    });
  }
});
