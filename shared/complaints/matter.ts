/** A matter as stored: plain data, read by the console and the operations. */
import type { MatterKind, ReportableVerdict, SeenAtKind } from './kinds';
import type { MatterState } from './states';

export interface Matter {
  id: string;
  kind: MatterKind;
  state: MatterState;
  receivedAt: string;
  /** The certificate the matter is about, where it names one that exists: where surveillance will see it. */
  certificateNumber?: string;
  /** What the reporter typed or scanned, as it was (an unknown number, a forged token). */
  reportedNumber?: string;
  token?: string;
  verdict?: ReportableVerdict;
  seenAt?: { kind: SeenAtKind; place?: string; link?: string; city?: string };
  description?: string;
  /** Personal data: kept only until the matter closes. Never in an audit event, a log line or a public page. */
  contact?: string;
  /** Everyone who took part in what the matter is about: none of them may handle or decide it. */
  involved: string[];
  handlerSub?: string;
  version: number;
  eventSeq: number;
  lastEventHash: string;
}
