/**
 * The console's chrome: its name in both languages (the console shows Chinese and English side by side, so it has
 * no language switch), and the places its script fills — who is signed in, the navigation, the status line.
 */
import type { ChromeSpec } from '../chrome/spec';
import { L } from './messages';

export const CONSOLE_CHROME: ChromeSpec = {
  brand: { title: L.title, href: '#/' },
  languages: 'both',
};
