// Types for view-settings.js (plain JavaScript, so the strict-CSP embed page can load it as it is).
import type { registerMessages } from '../src/index';

export interface ViewSettings {
  /** A language the switch offers: `en` (built in) or `de` (registered by the demo pages). */
  lang: string;
  /** An IANA zone, or '' for the browser's own. */
  tz: string;
  theme: 'auto' | 'light' | 'dark';
  dir: 'ltr' | 'rtl';
}

export interface Choice {
  value: string;
  label: string;
}

export const LANGUAGES: readonly Choice[];
export const THEMES: readonly Choice[];
export const DIRECTIONS: readonly Choice[];
export const DEFAULTS: Readonly<ViewSettings>;
export function timeZones(): Choice[];
export function readViewSettings(search: string): ViewSettings;
export function writeViewSettings(search: string, settings: ViewSettings): string;
export function registerDemoLanguages(register: typeof registerMessages): void;
export function applyViewSettings(settings: ViewSettings, root: HTMLElement): void;
export function bindViewSettings(form: HTMLFormElement, root: HTMLElement): ViewSettings;
