/** Certificate changes (变更): the rules as pure functions, one clause per test. */
import { describe, expect, it } from 'vitest';
import { applyCertificateTransition } from '../../../shared/lifecycle/certificate';
import { changeStepRefusal, formerNamesOf } from '../../../shared/lifecycle/changes';
import type { CertificateCommand } from '../../../shared/lifecycle/transitions';
import type { Actor, Certificate } from '../../../shared/model';
import { publicRecord } from '../../../shared/public-record';
import { claimsChanged } from '../../../shared/star-mark/claims';
import { certificateFacts, encodeLogEntry, publicEventFor, replayEntry } from '../../../shared/transparency-log';
import { changedFields } from '../../../shared/webhooks/events';
import { outcomeOf } from '../../support/domain-outcome';
import { actor, certificateIn, NOW, RENAME, withPendingChange, withPendingExtension } from './fixtures';

const TODAY = '2026-11-23';
const step = (certificate: Certificate, command: CertificateCommand, by: Actor) =>
  applyCertificateTransition(certificate, command, by, NOW);
const holder = actor('applicant');
const admin = actor('admin');
const otherAdmin = actor('admin', 'admin-2');
const evaluator = actor('evaluator');
const committee = actor('committee');
const request = (certificate: Certificate, input: Record<string, unknown>, by: Actor = holder) =>
  step(certificate, { name: 'requestChange', input: { ...RENAME, ...input } as never }, by);
const approve = (certificate: Certificate, by: Actor = admin) =>
  step(certificate, { name: 'approveChange', input: {} }, by);
const EXTENDED = '家用电器及厨房电器售后服务';

describe('a change proposed', () => {
  it('by the holder waits as the pending change and changes nothing public yet', () => {
    const before = certificateIn('valid');
    const { next, event } = request(before, {});
    expect(next.pendingChange).toMatchObject({
      kind: 'rename',
      field: 'name',
      from: '华东家电服务有限公司',
      to: RENAME.to,
      proposedBy: 'applicant-1',
      proposedOn: TODAY,
    });
    expect(event).toMatchObject({ action: 'request-change', reason: RENAME.reason, data: { kind: 'rename' } });
    expect(publicRecord(next, NOW)).toEqual(publicRecord(before, NOW));
  });

  it('by staff is the same proposal, made by an administrator', () => {
    const { next, event } = step(certificateIn('valid'), { name: 'proposeChange', input: RENAME }, admin);
    expect(next.pendingChange?.proposedBy).toBe('admin-1');
    expect(event.action).toBe('propose-change');
  });

  it('waits alone: a second proposal while one waits is refused', () => {
    expect(outcomeOf(() => request(withPendingChange(certificateIn('valid')), {}))).toBe('CHANGE_PENDING');
  });

  it.each([
    ['address', 'name'],
    ['rename', 'scope'],
    ['scope-reduction', 'address'],
  ])('of kind %s cannot change the %s', (kind, field) => {
    expect(outcomeOf(() => request(certificateIn('valid'), { kind, field, reasonCategory: reasonFor(kind) }))).toBe(
      'CHANGE_FIELD_NOT_ALLOWED',
    );
  });

  it('as an erratum may correct any field of the record, each from its old value', () => {
    for (const field of ['name', 'nameEn', 'address', 'scope'] as const) {
      const { next } = request(certificateIn('valid'), {
        kind: 'erratum',
        field,
        to: '华东家电服务（集团）有限公司',
        reasonCategory: 'clerical_error',
      });
      expect(next.pendingChange).toMatchObject({ kind: 'erratum', field });
    }
  });

  it('needs a reason category that fits its kind', () => {
    expect(outcomeOf(() => request(certificateIn('valid'), { reasonCategory: 'clerical_error' }))).toBe(
      'CHANGE_REASON_NOT_ALLOWED',
    );
  });

  it('to the value the record already holds is refused', () => {
    expect(outcomeOf(() => request(certificateIn('valid'), { to: '华东家电服务有限公司' }))).toBe(
      'CHANGE_NOTHING_CHANGES',
    );
  });

  it('holds the new value to the bounds of its field (a name of one character is no name)', () => {
    expect(outcomeOf(() => request(certificateIn('valid'), { to: '华' }))).toBe('VALIDATION_FAILED');
  });

  it('may rename a suspended certificate, but never extend its scope', () => {
    expect(outcomeOf(() => request(certificateIn('suspended'), {}))).toBe('ok');
    const extension = { kind: 'scope-extension', to: EXTENDED, reasonCategory: 'business_extended' };
    expect(outcomeOf(() => request(certificateIn('suspended'), extension))).toBe('CHANGE_WHILE_SUSPENDED');
  });
});

function reasonFor(kind: string): string {
  return kind === 'address' ? 'relocation' : kind === 'scope-reduction' ? 'business_reduced' : 'business_registration';
}

describe('a change other than a scope extension', () => {
  it('approved by an administrator takes effect with its line of change history, dated today', () => {
    const { next, event } = approve(withPendingChange(certificateIn('valid')));
    expect(next.organization.name).toBe(RENAME.to);
    expect(next.pendingChange).toBeUndefined();
    expect(next.changes).toEqual([
      {
        date: TODAY,
        kind: 'rename',
        field: 'name',
        from: '华东家电服务有限公司',
        to: RENAME.to,
        reasonCategory: 'business_registration',
      },
    ]);
    expect(event.action).toBe('approve-change');
  });

  it('is not approved by whoever proposed it', () => {
    const proposed = step(certificateIn('valid'), { name: 'proposeChange', input: RENAME }, admin).next;
    expect(outcomeOf(() => approve(proposed, admin))).toBe('CHANGE_APPROVER_IS_PROPOSER');
    expect(outcomeOf(() => approve(proposed, otherAdmin))).toBe('ok');
  });

  it('refused leaves the record as it was, and a new change may be proposed', () => {
    const pending = withPendingChange(certificateIn('valid'));
    const { next } = step(pending, { name: 'refuseChange', input: { reason: '未提供变更登记证明' } }, admin);
    expect(next).toEqual(certificateIn('valid'));
    expect(changeStepRefusal('requestChange', next)).toBeNull();
  });

  it('records an address first given as changed from nothing', () => {
    const requested = request(certificateIn('valid'), {
      kind: 'address',
      to: '福建省福州市鼓楼区五四路 1 号',
      reasonCategory: 'relocation',
    }).next;
    const { next } = approve(requested);
    expect(next.organization.address).toBe('福建省福州市鼓楼区五四路 1 号');
    expect(next.changes?.[0]).toMatchObject({ kind: 'address', field: 'address', from: null });
  });

  it('is decided by an administrator, never by the review and committee steps', () => {
    const pending = withPendingChange(certificateIn('valid'));
    expect(
      outcomeOf(() => step(pending, { name: 'reviewScopeExtension', input: { reviewDate: TODAY } }, evaluator)),
    ).toBe('CHANGE_NOT_SCOPE_EXTENSION');
    expect(outcomeOf(() => step(pending, { name: 'approveScopeExtension', input: {} }, committee))).toBe(
      'CHANGE_NOT_SCOPE_EXTENSION',
    );
  });

  it('cannot be decided when none waits', () => {
    expect(outcomeOf(() => approve(certificateIn('valid')))).toBe('NO_PENDING_CHANGE');
  });
});

describe('a scope extension', () => {
  const waiting = withPendingExtension(certificateIn('valid'), false);
  const reviewed = withPendingExtension(certificateIn('valid'), true);
  const review = (c: Certificate, reviewDate: string, by: Actor = evaluator) =>
    step(c, { name: 'reviewScopeExtension', input: { reviewDate } }, by);
  const decide = (c: Certificate, by: Actor) => step(c, { name: 'approveScopeExtension', input: {} }, by);

  it('is not approved by an administrator: it is reviewed and decided by the committee', () => {
    expect(outcomeOf(() => approve(waiting))).toBe('CHANGE_NEEDS_COMMITTEE');
  });

  it("is reviewed by the certificate's own evaluator only", () => {
    expect(outcomeOf(() => review(waiting, TODAY, actor('evaluator', 'evaluator-2')))).toBe('NOT_ASSIGNED_EVALUATOR');
    expect(review(waiting, TODAY).next.pendingChange?.review).toEqual({ by: 'evaluator-1', date: TODAY });
  });

  it('is reviewed on or after its proposal and never after today (Beijing time)', () => {
    expect(outcomeOf(() => review(waiting, '2026-11-19'))).toBe('CHANGE_REVIEW_BEFORE_REQUEST');
    expect(outcomeOf(() => review(waiting, '2026-11-20'))).toBe('ok');
    expect(outcomeOf(() => review(waiting, '2026-11-24'))).toBe('DATE_AFTER_TODAY');
  });

  it('is reviewed once', () => {
    expect(outcomeOf(() => review(reviewed, TODAY))).toBe('CHANGE_ALREADY_REVIEWED');
  });

  it('is not decided by the committee before its review', () => {
    expect(outcomeOf(() => decide(waiting, committee))).toBe('CHANGE_NOT_REVIEWED');
  });

  it('is not decided by its reviewer, even holding the committee role', () => {
    const both: Actor = { sub: 'evaluator-1', roles: ['evaluator', 'committee'] };
    expect(outcomeOf(() => decide(reviewed, both))).toBe('IMPARTIALITY_CONFLICT');
  });

  it('is not decided by whoever proposed it', () => {
    const proposer: Actor = { sub: 'applicant-1', roles: ['committee'] };
    // The holder's own person is refused as self-dealing before anything else; a staff proposer by the four-eyes rule.
    expect(outcomeOf(() => decide(reviewed, proposer))).toBe('SELF_DEALING');
    const byStaff = withPendingChange(reviewed, { ...reviewed.pendingChange, proposedBy: 'committee-1' });
    expect(outcomeOf(() => decide(byStaff, committee))).toBe('CHANGE_APPROVER_IS_PROPOSER');
  });

  it('approved by a committee member who neither reviewed nor proposed it extends the scope', () => {
    const { next, event } = decide(reviewed, committee);
    expect(next.scope).toBe(EXTENDED);
    expect(next.changes).toEqual([
      {
        date: TODAY,
        kind: 'scope-extension',
        field: 'scope',
        from: '家用电器售后服务',
        to: EXTENDED,
        reasonCategory: 'business_extended',
      },
    ]);
    expect(event.action).toBe('approve-scope-extension');
  });

  it('refused by the committee leaves the scope as it was', () => {
    const { next } = step(reviewed, { name: 'refuseScopeExtension', input: { reason: '未经现场核查' } }, committee);
    expect(next).toEqual(certificateIn('valid'));
  });
});

describe('what a change makes public', () => {
  const renamed = approve(withPendingChange(certificateIn('valid'))).next;

  it('shows the change history and the former name on the public record', () => {
    const record = publicRecord(renamed, NOW);
    expect(record.organization).toMatchObject({ name: RENAME.to, formerNames: ['华东家电服务有限公司'] });
    expect(record.changes).toHaveLength(1);
    expect(record).not.toHaveProperty('pendingChange');
    expect(JSON.stringify(record)).not.toContain(RENAME.reason);
  });

  it('keeps the address inside: its history line says what changed, when and why, without the values', () => {
    const moved = approve(
      request(certificateIn('valid'), { kind: 'address', to: '福州市鼓楼区五四路 1 号', reasonCategory: 'relocation' })
        .next,
    ).next;
    const record = publicRecord(moved, NOW);
    expect(record.changes).toEqual([{ date: TODAY, kind: 'address', field: 'address', reasonCategory: 'relocation' }]);
    expect(JSON.stringify(record)).not.toContain('五四路');
    const facts = certificateFacts(moved);
    expect(JSON.stringify(facts)).not.toContain('五四路');
    expect(facts.lastChange).toEqual({ date: TODAY, kind: 'address', field: 'address', reasonCategory: 'relocation' });
    expect(publicEventFor(certificateFacts(certificateIn('valid')), facts)).toBe('changed');
  });

  it('keeps the signed mark: it names neither the holder nor its address or scope', () => {
    expect(claimsChanged(certificateIn('valid'), renamed)).toBe(false);
    expect(claimsChanged(certificateIn('valid'), { ...renamed, level: 'five' })).toBe(true);
  });

  it("is logged as 'changed', an entry the monitor's replay accepts", () => {
    const before = certificateFacts(certificateIn('valid'));
    const after = certificateFacts(renamed);
    expect(publicEventFor(before, after)).toBe('changed');
    const entry = (event: 'issued' | 'changed', prev: number | null, certificate: typeof before) =>
      encodeLogEntry({ v: 1, type: 'starmark/certificate-event', event, at: NOW.toISOString(), prev, certificate });
    const state = new Map();
    expect(replayEntry(state, 0, entry('issued', null, before))).toBeUndefined();
    expect(replayEntry(state, 1, entry('changed', 0, after))).toBeUndefined();
    expect(state.get(renamed.number)?.facts.organization.name).toBe(RENAME.to);
  });
});

describe('former names', () => {
  const change = (kind: 'rename' | 'erratum', from: string, to: string) => ({
    date: TODAY,
    kind,
    field: 'name' as const,
    from,
    to,
    reasonCategory: 'business_registration' as const,
  });

  it('are the names before each rename, newest first, each once, never the current one or a corrected typo', () => {
    const c = {
      organization: { name: '丙公司', creditCode: '91350100M000100Y43' },
      changes: [
        change('rename', '甲公司', '乙公司'),
        change('erratum', '乙公了', '乙公司'),
        change('rename', '乙公司', '甲公司'),
        change('rename', '甲公司', '丙公司'),
      ],
    };
    expect(formerNamesOf(c)).toEqual(['甲公司', '乙公司']);
  });
});

describe('a change to a watchlist subscriber', () => {
  it('says what changed: the name and the latest change for a rename, only the latest change for a move', () => {
    const before = certificateIn('valid');
    const renamed = approve(withPendingChange(before)).next;
    const moved = approve(
      request(before, { kind: 'address', to: '福州市鼓楼区五四路 1 号', reasonCategory: 'relocation' }).next,
    ).next;
    expect(changedFields(certificateFacts(before), certificateFacts(renamed))).toEqual(['organization', 'lastChange']);
    expect(changedFields(certificateFacts(before), certificateFacts(moved))).toEqual(['lastChange']);
  });
});
