/**
 * Operations of the operations concern, by the op names of its routes: parse → read through the indexes → respond.
 * Staff see every certificate; an applicant sees only the certificates of its own applications.
 */
import { DomainError } from '../../shared/errors';
import type { Actor } from '../../shared/model';
import { certificateListQuerySchema, dueQuerySchema, pageQuerySchema } from '../../shared/operations';
import type { Operation } from '../http/dispatch';
import { parseInput } from '../http/parse';
import { listOutbox } from '../notify/ledger';
import { applicantDueList, certificatesOfApplicant, staffDueList } from '../service/due';

const isStaff = (actor: Actor) => actor.roles.some((r) => r === 'evaluator' || r === 'committee' || r === 'admin');

const dueList: Operation = async (req, deps) => {
  const query = parseInput(dueQuerySchema, req.query, 'query');
  const actor = req.actor!;
  const result = isStaff(actor)
    ? await staffDueList(deps, query.within)
    : await applicantDueList(deps, actor.sub, query.within);
  const items = query.kind ? result.items.filter((e) => e.kind === query.kind) : result.items;
  return { status: 200, body: { ...result, items } };
};

const outbox: Operation = async (req, deps) => {
  const query = parseInput(pageQuerySchema, req.query, 'query');
  if (!isStaff(req.actor!)) throw new DomainError('FORBIDDEN_ROLE', 'the outbox is for staff');
  return { status: 200, body: await listOutbox(deps.store, query.cursor, query.limit) };
};

/** Whole-range bounds of the validity index: a queue is every certificate of a status, ordered by validity end. */
const ALL_DATES: [string, string] = ['0000-01-01', '9999-12-31'];

const listCertificates: Operation = async (req, deps) => {
  const query = parseInput(certificateListQuerySchema, req.query, 'query');
  const actor = req.actor!;
  if (!isStaff(actor)) {
    const own = await certificatesOfApplicant(deps, actor.sub);
    return { status: 200, body: { items: query.status ? own.filter((c) => c.status === query.status) : own } };
  }
  if (!query.status)
    throw new DomainError('VALIDATION_FAILED', 'staff list by status', [
      { path: 'query.status', message: 'required for staff' },
    ]);
  return {
    status: 200,
    body: await deps.store.listCertificatesExpiring(query.status, ...ALL_DATES, query.cursor, query.limit),
  };
};

export const publicOperationsOperations: Record<string, Operation> = {};
export const staffOperationsOperations: Record<string, Operation> = { dueList, outbox, listCertificates };
