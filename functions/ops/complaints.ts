/** The staff's complaint operations: appeals, the handling queue (the public's side is public-complaints.ts). */
import { deliverQueuedNotices } from '../notify/queue';
import { matterQueue, matterView, planFileAppeal, planFileCertificateAppeal, planMatterStep } from '../service/matters';
import { execute } from '../service/plan';
import { reportPhotoDownload } from '../service/report-photo';
import type { StaffOperations } from './tables';

/** The staff function's: an applicant's appeal (against a case's decision or a certificate's); the handling queue, one matter, and a step on it. */
export const staffComplaintOperations = {
  fileAppeal: async ({ actor, params, body, idempotency }, deps) =>
    execute(deps, () => planFileAppeal(deps, actor, params.id, body), idempotency),
  fileCertificateAppeal: async ({ actor, params, body, idempotency }, deps) =>
    execute(deps, () => planFileCertificateAppeal(deps, actor, params.number, body), idempotency),
  matterQueue: async ({ actor }, deps) => ({ status: 200, body: await matterQueue(deps, actor) }),
  getMatter: async ({ actor, params }, deps) => ({ status: 200, body: await matterView(deps, actor, params.matterId) }),
  reportPhotoDownload: async ({ actor, params }, deps) => ({
    status: 200,
    body: await reportPhotoDownload(deps, actor, params.matterId),
  }),
  takeMatterStep: async ({ actor, params, body, idempotency }, deps) => {
    const answer = await execute(deps, () => planMatterStep(deps, actor, params.matterId, body), idempotency);
    // A reply queued by the closing goes out now where this function holds a channel; else with the sweep.
    if (body.step === 'reply' && deps.notifier) await deliverQueuedNotices(deps, deps.notifier);
    return answer;
  },
} satisfies Partial<StaffOperations>;
