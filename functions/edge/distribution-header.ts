/**
 * The one change the rotation makes to the distribution: the origin-verify header of the API origin gets a new
 * value. Pure, over the DistributionConfig CloudFront returns, so that it can be checked without AWS.
 */
import type { DistributionConfig } from '@aws-sdk/client-cloudfront';
import { ORIGIN_VERIFY_HEADER } from '../../shared/deployment-env';

export function withOriginHeader(config: DistributionConfig, originDomain: string, value: string): DistributionConfig {
  const origins = config.Origins?.Items ?? [];
  const target = origins.filter((o) => o.DomainName === originDomain);
  if (target.length !== 1) throw new Error(`expected one origin ${originDomain}, found ${target.length}`);
  return {
    ...config,
    Origins: {
      Quantity: origins.length,
      Items: origins.map((origin) => {
        if (origin.DomainName !== originDomain) return origin;
        const others = (origin.CustomHeaders?.Items ?? []).filter(
          (h) => h.HeaderName?.toLowerCase() !== ORIGIN_VERIFY_HEADER,
        );
        const items = [...others, { HeaderName: ORIGIN_VERIFY_HEADER, HeaderValue: value }];
        return { ...origin, CustomHeaders: { Quantity: items.length, Items: items } };
      }),
    },
  };
}

/** The value the API origin sends now, if any. */
export function originHeaderOf(config: DistributionConfig, originDomain: string): string | undefined {
  const origin = config.Origins?.Items?.find((o) => o.DomainName === originDomain);
  return origin?.CustomHeaders?.Items?.find((h) => h.HeaderName?.toLowerCase() === ORIGIN_VERIFY_HEADER)?.HeaderValue;
}
