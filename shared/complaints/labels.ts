/** A matter's words in both languages, for the console: its states, where a mark was seen, and its outcomes. */
import type { SeenAtKind } from './kinds';
import type { MatterOutcome } from './matter';
import type { MatterState } from './states';

type Label = { zh: string; en: string };

export const MATTER_STATE_LABELS: Record<MatterState, Label> = {
  received: { zh: '已收到', en: 'Received' },
  acknowledged: { zh: '已确认收到', en: 'Acknowledged' },
  investigating: { zh: '调查中', en: 'Under investigation' },
  decided: { zh: '已作结论', en: 'Decided' },
  closed: { zh: '已结案', en: 'Closed' },
};

export const SEEN_AT_LABELS: Record<SeenAtKind, Label> = {
  shop: { zh: '实体门店', en: 'A shop' },
  online: { zh: '网店', en: 'An online store' },
  other: { zh: '其他', en: 'Elsewhere' },
};

export const MATTER_OUTCOME_LABELS: Record<MatterOutcome, Label> = {
  upheld: { zh: '属实', en: 'Upheld' },
  'not-upheld': { zh: '不属实', en: 'Not upheld' },
  reversed: { zh: '撤销原决定', en: 'Decision reversed' },
  confirmed: { zh: '维持原决定', en: 'Decision confirmed' },
};

/** The trail's first entry, which is no handling step. */
export const MATTER_RECEIVED_LABEL: Label = { zh: '收到', en: 'Received' };

/** The trail's entry of a report's photo attached by the reporter: no handling step either. */
export const MATTER_PHOTO_ATTACHED_LABEL: Label = { zh: '附上照片', en: 'Photo attached' };
