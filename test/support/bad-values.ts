/**
 * The vocabulary of hostile input: each list is a kind of mistake or attack a field of that kind must refuse.
 * Values that JSON.stringify cannot produce (1e309, 2**53+1 written out, a lone surrogate escape) are `raw` JSON
 * text, spliced into the body as bytes, as a hand-made request would send them.
 */
export class Raw {
  constructor(readonly json: string) {}
}
export const raw = (json: string) => new Raw(json);

export const RTL_OVERRIDE = '\u202E';
export const ZERO_WIDTH_SPACE = '\u200B';

export const INJECTIONS = [
  "' OR '1'='1' --",
  'x"; DROP TABLE starmark; --',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(document.cookie)>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose.
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
  '{"$ne":null}',
];

export const WRONG_CALENDAR = [
  '2026-02-30',
  '民国115年11月23日',
  '2026/11/23',
  '23-11-2026',
  '2026-11-23T00:00:00+08:00',
  '20261123',
  '2026-13-01',
  '２０２６-１１-２３',
];

export const HUGE_NUMBER = raw('1e309');
export const BEYOND_SAFE_INTEGER = raw('9007199254740993');
export const LONE_SURROGATE = raw('"a\\ud800b"');

type Labelled = [label: string, value: unknown][];

/** Free text (names, reasons, notes): it may say anything printable, but not control bytes or broken UTF-16. */
export const BAD_TEXT: Labelled = [
  ['a NUL byte', 'a\u0000b'],
  ['an escape sequence for the terminal', '\u001b[2J\u001b[31mred'],
  ['a lone surrogate', LONE_SURROGATE],
  ['5000 characters', '长'.repeat(5000)],
  ['a number', 42],
  ['an object', { $gt: '' }],
  ['only spaces', '   '],
];

/** Identifiers (user ids, credit codes, certificate numbers): a closed alphabet, so every trick is refused. */
export const BAD_IDENTIFIER: Labelled = [
  ...INJECTIONS.map((s): [string, unknown] => [`injection ${s}`, s]),
  ['an RTL override', `${RTL_OVERRIDE}evaluator-li`],
  ['a zero-width space', `evaluator${ZERO_WIDTH_SPACE}-li`],
  ['a NUL byte', 'evaluator-li\u0000'],
  ['2**53+1', BEYOND_SAFE_INTEGER],
  ['a list', ['evaluator-li']],
  ['empty', ''],
];

export const BAD_DATE: Labelled = [
  ...WRONG_CALENDAR.map((d): [string, unknown] => [`the date ${d}`, d]),
  ['1e309', HUGE_NUMBER],
  ['a number', 20261123],
  ['null', null],
];

/** Score sheets: points outside the scheme, numbers JSON cannot hold, codes the scheme does not have. */
export function badScoreSheets(
  valid: { indicators: { code: string; score?: number }[] } & Record<string, unknown>,
): Labelled {
  const withScore = (score: unknown) => ({
    ...valid,
    indicators: valid.indicators.map((row, i) => (i === 0 ? { ...row, score } : row)),
  });
  return [
    ['a negative score', withScore(-1)],
    ['a score of -0.1', withScore(-0.1)],
    ['a score of 1e309', withScore(HUGE_NUMBER)],
    ['a score of 2**53+1', withScore(BEYOND_SAFE_INTEGER)],
    ['a score above the indicator', withScore(1000)],
    ['a score as words', withScore('ninety')],
    [
      'an indicator code that is an injection',
      { ...valid, indicators: [{ code: "S1' OR 1=1 --", score: 1 }, ...valid.indicators.slice(1)] },
    ],
    ['an unknown scheme version', { ...valid, schemeVersion: '<script>alert(1)</script>' }],
    ['51 indicator rows', { ...valid, indicators: Array.from({ length: 51 }, () => valid.indicators[0]) }],
    ['a sheet as a string', JSON.stringify(valid)],
  ];
}

export const BAD_DOCUMENTS: Labelled = [
  ['not a list', 'manual.pdf'],
  ['51 documents', Array.from({ length: 51 }, (_, i) => ({ name: `doc${i}`, kind: 'manual' }))],
  ['an unknown document kind', [{ name: 'a', kind: 'virus' }]],
  ['a sha256 that is not one', [{ name: 'a', kind: 'manual', sha256: "' OR 1=1" }]],
];

/** Whole bodies that are wrong for the verification endpoint: exactly one of a token or 1–100 numbers. */
export const BAD_VERIFY_BODIES: Labelled = [
  ['a token that is a number', { token: 12345 }],
  ['a token that is an object', { token: { alg: 'none' } }],
  ['numbers that is a string', { numbers: 'SM-SV-2026-000001' }],
  ['an empty list of numbers', { numbers: [] }],
  ['101 numbers', { numbers: Array.from({ length: 101 }, (_, i) => `SM-SV-2026-${String(i).padStart(6, '0')}`) }],
  ['numbers that are numbers', { numbers: [1e21, HUGE_NUMBER] }],
  ['both a token and numbers', { token: 'x', numbers: ['SM-SV-2026-000001'] }],
  ['neither', {}],
];

/** Query values for limits and day counts: every way a number can be wrong in a URL. */
export const BAD_COUNT = ['1e309', '-1', '9007199254740993', 'NaN', '1.5', 'ten', '١٠'];

/** Cursors a client made up: not base64, not a key, not strings, an attempt to smuggle a typed value. */
export const BAD_CURSOR = [
  'not a cursor!',
  Buffer.from('{"pk":{"S":"APP#x"},"sk":{"S":"APP"}}').toString('base64url'),
  Buffer.from('{"foo":"bar"}').toString('base64url'),
  Buffer.from('[1,2,3]').toString('base64url'),
  'x'.repeat(5000),
];

/** The JSON text of a body, with `raw` values spliced in verbatim. */
export function jsonText(body: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(body, (_k, v: unknown) =>
    v instanceof Raw ? `\u0001RAW${raws.push(v.json) - 1}\u0001` : v,
  );
  return text.replace(/"\\u0001RAW(\d+)\\u0001"/g, (_m, i: string) => raws[Number(i)]!);
}

/** A copy of `body` with the value at a dotted path replaced (or removed when `value` is `undefined`). */
export function withField(body: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  const parts = path.split('.');
  let at = copy;
  for (const part of parts.slice(0, -1)) at = at[part] as Record<string, unknown>;
  const last = parts.at(-1)!;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
}
