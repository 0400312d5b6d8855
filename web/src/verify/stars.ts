/** The star level drawn as stars with its name (五星级 / 四星级 / 三星级 / 达标级), from the scheme's own table. */
import { STAR_LEVELS, type StarLevel } from '../../../shared/scheme/indicators';
import { levelLabel } from '../../../shared/scheme/levels';
import { h, svg } from '../common/dom';
import { lang } from '../common/i18n';

// Imported from the modules, not from shared/scheme/index: the index re-exports the zod schemas, ~90 KB gzip.

const STAR_PATH = 'M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z';

function starIcon(): SVGSVGElement {
  return svg(
    'svg',
    { class: 'star', viewBox: '0 0 24 24', 'aria-hidden': 'true', focusable: 'false' },
    svg('path', { d: STAR_PATH }),
  );
}

/** A level with no stars (达标 / compliant) is drawn as a seal with a tick. */
function sealIcon(): SVGSVGElement {
  return svg(
    'svg',
    { class: 'seal', viewBox: '0 0 24 24', 'aria-hidden': 'true', focusable: 'false' },
    svg('circle', { cx: '12', cy: '12', r: '9.5' }),
    svg('path', { d: 'M7.5 12.3l3 3 6-6.3' }),
  );
}

export function isStarLevel(value: unknown): value is StarLevel {
  return STAR_LEVELS.some((l) => l.level === value);
}

export function levelName(level: StarLevel): string {
  return levelLabel(level, lang());
}

/** Stars and the level's name; screen readers hear the name once. */
export function starLevel(level: StarLevel, size: 'large' | 'small' = 'large'): HTMLElement {
  const def = STAR_LEVELS.find((l) => l.level === level);
  const count = def?.stars ?? 0;
  const icons = count > 0 ? Array.from({ length: count }, starIcon) : [sealIcon()];
  return h(
    'div',
    { class: ['level', `level-${size}`, `level-${level}`] },
    h('span', { class: 'level-icons', 'aria-hidden': 'true' }, icons),
    h('span', { class: 'level-name' }, levelName(level)),
  );
}
