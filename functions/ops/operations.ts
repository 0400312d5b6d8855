/**
 * Operations of the operations concern: read through the indexes → respond. Staff see every certificate; an
 * applicant sees only the certificates of its own applications.
 */
import { isStaff, mayReadOutbox } from '../../shared/access';
import { DomainError } from '../../shared/errors';
import { listOutbox } from '../notify/ledger';
import { applicantDueList, certificatesOfApplicant, staffDueList } from '../service/due';
import type { StaffOperations } from './tables';

/** Whole-range bounds of the validity index: a queue is every certificate of a status, ordered by validity end. */
const ALL_DATES: [string, string] = ['0000-01-01', '9999-12-31'];

export const operationsOperations = {
  dueList: async ({ actor, query }, deps) => {
    const result = isStaff(actor)
      ? await staffDueList(deps, query.within)
      : await applicantDueList(deps, actor.sub, query.within);
    const items = query.kind ? result.items.filter((e) => e.kind === query.kind) : result.items;
    return { status: 200, body: { ...result, items } };
  },

  outbox: async ({ actor, query }, deps) => {
    if (!mayReadOutbox(actor)) throw new DomainError('FORBIDDEN_ROLE', 'the outbox is for staff');
    return { status: 200, body: await listOutbox(deps.store, query.cursor, query.limit) };
  },

  listCertificates: async ({ actor, query }, deps) => {
    if (!isStaff(actor)) {
      const own = await certificatesOfApplicant(deps, actor.sub);
      return { status: 200, body: { items: query.status ? own.filter((c) => c.status === query.status) : own } };
    }
    if (!query.status)
      throw new DomainError('VALIDATION_FAILED', 'staff list by status', [
        { path: 'query.status', code: 'REQUIRED', message: 'required for staff' },
      ]);
    return {
      status: 200,
      body: await deps.store.listCertificatesExpiring(query.status, ...ALL_DATES, query.cursor, query.limit),
    };
  },
} satisfies Partial<StaffOperations>;
