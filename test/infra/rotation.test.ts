/**
 * Signing-key rotation is a deployment: with two generations the newer key signs and comes first in
 * SIGNING_KEY_IDS, the older one stays published, and the first key keeps its logical id. The receipt keys rotate
 * the same way, independently (RECEIPT_KEY_IDS).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SigningKeys } from '../../infra/constructs/signing-keys';
import { actionsOf, roleStatements, SYNTH_TIMEOUT, type Synthesized, synth } from './synth';

let s: Synthesized;
/** Logical ids, newest first. */
let keys: string[];
let receiptKeys: string[];
beforeAll(() => {
  s = synth({ context: { signingKeyGenerations: 2, receiptKeyGenerations: 2 } });
  keys = (s.stack.node.findChild('Signing') as SigningKeys).keys.map((key) => s.logicalId(key));
  receiptKeys = (s.stack.node.findChild('ReceiptSigning') as SigningKeys).keys.map((key) => s.logicalId(key));
}, SYNTH_TIMEOUT);
afterAll(() => s?.cleanup());

const arn = (logicalId: string) => ({ 'Fn::GetAtt': [logicalId, 'Arn'] });
const statementsFor = (name: 'public' | 'staff' | 'sweep', action: string) =>
  roleStatements(s, s.logicalId(s.stack.functions[name].role)).statements.filter((st) =>
    actionsOf([st]).includes(action),
  );

it('keeps generation 1 under its original logical id and adds generation 2 beside it', () => {
  const signing = Object.keys(s.template.findResources('AWS::KMS::Key', { Properties: { KeyUsage: 'SIGN_VERIFY' } }));
  // Beside them, the status-snapshot key and the transparency-log key, one generation each.
  expect(signing).toEqual(expect.arrayContaining([...keys, ...receiptKeys]));
  expect(signing).toHaveLength(6);
  expect(new Set([...keys, ...receiptKeys]).size).toBe(4);
  // The id a one-generation stack deploys: a changed id would make CloudFormation create a new first key.
  expect(keys[1]).toBe('SigningKey70710D41');
});

it('lists the newest key first in SIGNING_KEY_IDS', () => {
  const fn = s.template.toJSON().Resources[s.logicalId(s.stack.functions.public.fn)];
  expect(fn.Properties.Environment.Variables.SIGNING_KEY_IDS).toEqual({
    'Fn::Join': ['', [arn(keys[0]!), ',', arn(keys[1]!)]],
  });
});

it('signs with the newest key only, and publishes both', () => {
  expect(statementsFor('staff', 'kms:Sign').map((st) => st.Resource)).toEqual([arn(keys[0]!)]);
  for (const name of ['public', 'staff'] as const) {
    const resources = statementsFor(name, 'kms:GetPublicKey').flatMap((st) => st.Resource as unknown[]);
    expect(resources).toEqual(expect.arrayContaining(keys.map(arn)));
  }
});

it('rotates the receipt keys the same way: newest first in RECEIPT_KEY_IDS, only it signs, all published', () => {
  const fn = s.template.toJSON().Resources[s.logicalId(s.stack.functions.public.fn)];
  expect(fn.Properties.Environment.Variables.RECEIPT_KEY_IDS).toEqual({
    'Fn::Join': ['', [arn(receiptKeys[0]!), ',', arn(receiptKeys[1]!)]],
  });
  const publicSigns = statementsFor('public', 'kms:Sign').flatMap((st) =>
    Array.isArray(st.Resource) ? st.Resource : [st.Resource],
  );
  expect(publicSigns).toContainEqual(arn(receiptKeys[0]!));
  expect(publicSigns).not.toContainEqual(arn(receiptKeys[1]!));
  const resources = statementsFor('public', 'kms:GetPublicKey').flatMap((st) => st.Resource as unknown[]);
  expect(resources).toEqual(expect.arrayContaining([...keys, ...receiptKeys].map(arn)));
  for (const name of ['staff', 'sweep'] as const) {
    const signs = statementsFor(name, 'kms:Sign').flatMap((st) =>
      Array.isArray(st.Resource) ? st.Resource : [st.Resource],
    );
    for (const key of receiptKeys) expect(signs).not.toContainEqual(arn(key));
  }
});
