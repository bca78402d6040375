// The demo pages' view switches: language, time zone, theme and direction. Read from the URL's
// query and written back to it, so a link reproduces a view; applied to the page (its direction and
// color-scheme, so the host's own chrome follows the theme too) and to the views (locale, time-zone,
// theme). Plain JavaScript, so the strict-CSP embed page loads this very file (script-src 'self');
// the QA demo imports it too, typed by view-settings.d.ts.
import { GERMAN } from './german-messages.js';

/** The languages the switch offers: English is built in; German is registered by the demo pages. */
export const LANGUAGES = [
  { value: 'en', label: 'English' },
  { value: 'de', label: 'Deutsch (demo translation)' },
];

export const THEMES = [
  { value: 'auto', label: 'As the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export const DIRECTIONS = [
  { value: 'ltr', label: 'Left to right' },
  { value: 'rtl', label: 'Right to left' },
];

/** A few zones, with one a half hour off UTC; '' is the browser's own. */
const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Tokyo'];

export function timeZones() {
  const own = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return [{ value: '', label: `This browser’s (${own})` }, ...ZONES.map((zone) => ({ value: zone, label: zone }))];
}

export const DEFAULTS = { lang: 'en', tz: '', theme: 'auto', dir: 'ltr' };

const CHOICES = {
  lang: () => LANGUAGES,
  tz: timeZones,
  theme: () => THEMES,
  dir: () => DIRECTIONS,
};

/** The settings a query names; anything unknown falls back to the default, with a warning. */
export function readViewSettings(search) {
  const params = new URLSearchParams(search);
  const settings = { ...DEFAULTS };
  for (const name of Object.keys(CHOICES)) {
    const value = params.get(name);
    if (value === null) continue;
    if (CHOICES[name]().some((choice) => choice.value === value)) settings[name] = value;
    else console.warn(`email-responses demo: ${name}=${JSON.stringify(value.slice(0, 40))} is not one of the choices`);
  }
  return settings;
}

/** The query with the settings in it (defaults left out, so a plain link stays plain). */
export function writeViewSettings(search, settings) {
  const params = new URLSearchParams(search);
  for (const name of Object.keys(CHOICES)) {
    if (settings[name] === DEFAULTS[name]) params.delete(name);
    else params.set(name, settings[name]);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The German table, once; the `locale` attribute then picks it. */
export function registerDemoLanguages(registerMessages) {
  registerMessages('de', GERMAN);
}

/**
 * Applies the settings: the page's direction and color-scheme (`data-theme` on <html>, which the
 * page's stylesheet turns into `color-scheme` and its own colours), and each view's attributes.
 * `root` is the <email-responses> element: its views inherit its `lang` for assistive technology.
 */
export function applyViewSettings(settings, root) {
  const html = document.documentElement;
  html.dir = settings.dir;
  html.dataset.theme = settings.theme;
  root.lang = settings.lang;
  for (const view of root.querySelectorAll('response-summary, audience-response-grid, contact-response-timeline')) {
    view.setAttribute('locale', settings.lang);
    view.setAttribute('theme', settings.theme);
    if (view.localName === 'response-summary') continue;
    if (settings.tz) view.setAttribute('time-zone', settings.tz);
    else view.removeAttribute('time-zone');
  }
}

/**
 * Fills the form's selects (named lang, tz, theme, dir) with the choices, shows the settings, and
 * on each change applies them and writes them into the URL (replaceState: no reload, no history
 * entry per switch). Returns the current settings.
 */
export function bindViewSettings(form, root) {
  const settings = readViewSettings(location.search);
  for (const [name, choices] of Object.entries(CHOICES)) {
    const select = form.elements.namedItem(name);
    if (!(select instanceof HTMLSelectElement)) continue;
    select.replaceChildren(
      ...choices().map((choice) => {
        const option = document.createElement('option');
        option.value = choice.value;
        option.textContent = choice.label;
        return option;
      }),
    );
    select.value = settings[name];
  }
  applyViewSettings(settings, root);
  form.addEventListener('change', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLSelectElement) || !(target.name in CHOICES)) return;
    settings[target.name] = target.value;
    applyViewSettings(settings, root);
    history.replaceState(
      history.state,
      '',
      `${location.pathname}${writeViewSettings(location.search, settings)}${location.hash}`,
    );
  });
  return settings;
}
