/** A configured (not the demonstration) certification body for tests: fictional, but shaped like a real one. */
import type { CertificationBody } from '../../shared/certification-body';

export const EXAMPLE_CERTIFICATION_BODY: CertificationBody = {
  name: { zh: '华信服务认证有限公司', en: 'Huaxin Service Certification Co., Ltd.' },
  approvalNumber: 'CNCA-R-2016-288',
  address: { zh: '北京市朝阳区示例大街 88 号', en: '88 Example Street, Chaoyang District, Beijing' },
  telephone: '+86 10 8888 0000',
  website: 'https://www.huaxin-cert.example.cn',
  counterfeitReport: { telephone: '+86 10 8888 0315', email: 'jubao@huaxin-cert.example.cn' },
};
