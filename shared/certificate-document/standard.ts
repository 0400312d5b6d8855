/** The standard and the scheme a certificate attests, as the certificate prints them (with the edition). */
export const STANDARD = Object.freeze({
  code: 'GB/T 27922-2011',
  title: Object.freeze({ zh: '商品售后服务评价体系', en: 'Evaluation system for after-sales service of commodities' }),
});

export const SCHEME_NAME = Object.freeze({ zh: '售后服务认证', en: 'After-sales service certification' });

export const CERTIFICATE_TITLE = Object.freeze({
  zh: '商品售后服务评价体系认证证书',
  en: 'Certificate of After-Sales Service Certification',
});
