/**
 * The demo registry: organizations in every state a new user should see at once. Applications wait in each queue;
 * certificates are valid, due for surveillance soon, due for renewal, renewed, suspended, withdrawn, cancelled and
 * expired — each reached by its real history. Days are relative to the day the demo is seeded.
 */
import { caseSteps, certifiedOn, type Story, surveillancesAfter } from './story';

const li = { evaluator: 'evaluator-li', committee: 'committee-zhao' };
const wang = { evaluator: 'evaluator-wang', committee: 'reviewer-sun' };
const sun = { evaluator: 'reviewer-sun', committee: 'committee-zhao' };
const SCOPE = '家用电器的销售与售后服务';

function story(
  seed: number,
  name: string,
  nameEn: string,
  applicant: string,
  shows: string,
  steps: Story['steps'],
  scope = SCOPE,
): Story {
  return { seed, organization: { name, nameEn }, scope, applicant, shows, steps };
}

const acme = 'applicant-acme';
const beta = 'applicant-beta';

export const DEMO_STORIES: readonly Story[] = [
  // Applications waiting in each queue.
  story(
    9001,
    '东方厨电科技有限公司',
    'Dongfang Kitchen Appliances',
    acme,
    'application submitted',
    caseSteps('initial', { days: -3 }, { ...li, total: 0 }, 'submitted'),
  ),
  story(
    9002,
    '南岭家居用品有限公司',
    'Nanling Home Goods',
    beta,
    'application accepted',
    caseSteps('initial', { days: -8 }, { ...li, total: 0 }, 'accepted'),
  ),
  story(9003, '西湖电动车销售服务有限公司', 'Xihu E-Bike Sales & Service', acme, 'returned for revision', [
    ...caseSteps('initial', { days: -20 }, { ...wang, total: 0 }, 'accepted'),
    {
      do: 'returnForRevision',
      app: 'initial',
      reason: '服务手册缺少投诉处理时限 / the manual sets no deadline for complaints',
      at: { days: -10 },
    },
  ]),
  story(
    9004,
    '北海净水设备有限公司',
    'Beihai Water Purifiers',
    beta,
    'document review passed',
    caseSteps('initial', { days: -14 }, { ...li, total: 0 }, 'document_review_passed'),
  ),
  story(
    9005,
    '长江空调工程有限公司',
    'Changjiang Air Conditioning',
    acme,
    'scored, awaiting the committee (its evaluator holds the committee role too)',
    caseSteps('initial', { days: -22 }, { ...sun, total: 91.5 }, 'scored'),
  ),
  story(
    9006,
    '黄山智能锁业有限公司',
    'Huangshan Smart Locks',
    beta,
    'approved, ready to issue',
    caseSteps('initial', { days: -32 }, { ...wang, total: 86 }, 'approved'),
  ),
  story(9007, '珠江办公家具有限公司', 'Zhujiang Office Furniture', acme, 'rejected by the committee', [
    ...caseSteps('initial', { days: -40 }, { ...li, total: 66 }, 'scored'),
    {
      do: 'reject',
      app: 'initial',
      committee: 'committee-zhao',
      reason: '评分未达到 70 分 / the score is below 70',
      at: { days: -9 },
    },
  ]),
  story(9008, '泰山健身器材有限公司', 'Taishan Fitness Equipment', beta, 'withdrawn by the applicant', [
    ...caseSteps('initial', { days: -30 }, { ...wang, total: 0 }, 'accepted'),
    { do: 'withdrawApplication', app: 'initial', reason: '企业重组 / reorganization', at: { days: -18 } },
  ]),

  // Certificates in every status.
  story(
    9101,
    '华东家电服务有限公司',
    'Huadong Appliance Service',
    acme,
    'valid; surveillance due within 60 days',
    certifiedOn({ months: -10, days: -15 }, { ...li, total: 91.5 }),
  ),
  story(
    9102,
    '北辰电器有限公司',
    'Beichen Electric',
    beta,
    'valid; surveillance due within 30 days',
    certifiedOn({ months: -11, days: -10 }, { ...wang, total: 88 }),
  ),
  story(
    9103,
    '晨光数码科技有限公司',
    'Chenguang Digital',
    acme,
    'valid, five-star, recently issued',
    certifiedOn({ months: -4 }, { ...sun, total: 96.5 }),
  ),
  story(9104, '远航汽车服务有限公司', 'Yuanhang Auto Service', beta, 'valid; renewal due within 180 days', [
    ...certifiedOn({ months: -31 }, { ...li, total: 90.5 }),
    ...surveillancesAfter({ months: -31 }, [12, 24], 91),
  ]),
  story(9105, '金桥电梯维保有限公司', 'Jinqiao Elevator Maintenance', acme, 'valid; renewal under review', [
    ...certifiedOn({ months: -34, days: -10 }, { ...wang, total: 84 }),
    ...surveillancesAfter({ months: -34, days: -10 }, [12, 24], 85),
    { do: 'renew', app: 'renewal', at: { days: -20 } },
    { do: 'accept', app: 'renewal', evaluator: 'evaluator-wang', contractNo: 'HT-DEMO-R-9105', at: { days: -15 } },
    { do: 'passDocumentReview', app: 'renewal', at: { days: -10 } },
  ]),
  story(
    9106,
    '青松家电连锁有限公司',
    'Qingsong Appliance Stores',
    beta,
    'renewed: the same number in its second cycle',
    [
      ...certifiedOn({ months: -38 }, { ...li, total: 89 }),
      ...surveillancesAfter({ months: -38 }, [12, 24], 88),
      ...caseSteps('renewal', { months: -5 }, { ...li, total: 93 }, 'issued').map((s) =>
        s.do === 'submit' ? { ...s, do: 'renew' as const } : s,
      ),
    ],
  ),
  story(9107, '蓝天环保设备有限公司', 'Lantian Environmental Equipment', acme, 'valid; level raised at surveillance', [
    ...certifiedOn({ months: -15 }, { ...sun, total: 84 }),
    ...surveillancesAfter({ months: -15 }, [12], 91),
  ]),
  story(
    9108,
    '明月照明电器有限公司',
    'Mingyue Lighting',
    beta,
    'suspended by the sweep: surveillance overdue',
    certifiedOn({ months: -14 }, { ...wang, total: 82 }),
  ),
  story(9109, '恒信通讯器材有限公司', 'Hengxin Telecom Equipment', acme, 'suspended for cause', [
    ...certifiedOn({ months: -8 }, { ...li, total: 87 }),
    { do: 'suspend', reason: '重大投诉正在调查 / a serious complaint is under investigation', at: { months: -1 } },
  ]),
  story(
    9110,
    '瑞丰农机服务有限公司',
    'Ruifeng Farm Machinery Service',
    beta,
    'reinstated after a failed surveillance',
    [
      ...certifiedOn({ months: -13 }, { ...sun, total: 85 }),
      { do: 'surveil', total: 66, at: { months: -2, days: -10 } },
      { do: 'surveil', total: 84, at: { months: -1, days: -10 } },
      { do: 'reinstate', reason: '复审通过 / the follow-up audit passed', at: { months: -1, days: -5 } },
    ],
  ),
  story(
    9111,
    '安达物流设备有限公司',
    'Anda Logistics Equipment',
    acme,
    'withdrawn by the sweep: suspended over six months',
    certifiedOn({ months: -24 }, { ...wang, total: 80.5 }),
  ),
  story(9112, '福星卫浴有限公司', 'Fuxing Sanitary Ware', beta, "cancelled at the holder's request", [
    ...certifiedOn({ months: -18 }, { ...li, total: 92 }),
    ...surveillancesAfter({ months: -18 }, [12], 92),
    { do: 'cancel', reason: '企业停止该业务 / the business line was closed', at: { months: -2 } },
  ]),
  story(9113, '长城厨具有限公司', 'Changcheng Cookware', acme, 'expired without renewal', [
    ...certifiedOn({ months: -39 }, { ...sun, total: 83 }),
    ...surveillancesAfter({ months: -39 }, [12, 24], 83),
  ]),
  story(
    9114,
    '东海电器维修有限公司',
    'Donghai Appliance Repair',
    beta,
    'renamed and its scope extended: found by its former name 东海电器维修有限公司',
    [
      ...certifiedOn({ months: -9 }, { ...li, total: 90 }),
      {
        do: 'change',
        kind: 'rename',
        to: '东海智能家电服务有限公司',
        reasonCategory: 'business_registration',
        reason: '市场监督管理局准予变更登记 / name change registered',
        at: { months: -3 },
      },
      {
        do: 'change',
        kind: 'scope-extension',
        to: '家用电器及厨房电器的销售与售后服务',
        reasonCategory: 'business_extended',
        reason: '新增厨房电器服务网点 / kitchen appliance service points added',
        at: { months: -1 },
      },
    ],
  ),
];
