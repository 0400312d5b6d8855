/** What the use cases need from the outside world, passed in: the store port, a clock and the deployment's settings. */

import type { CertificationBody } from '../../shared/certification-body';
import type { Certificate } from '../../shared/model';
import type { DocumentObjects } from '../../shared/store/document-objects';
import type { ObjectStore } from '../../shared/store/objects';
import type { RegistryStore } from '../../shared/store/port';
import type { HolderAddresses, StaffDirectory } from '../directory/port';
import type { Notifier } from '../notify/port';
import type { SigningKeyRing } from '../signing/ports';

export interface RegistryConfig {
  /** `<prefix>-SV-<year>-<serial>`: the certification body's own prefix. */
  certificatePrefix: string;
  /** Where the verification page lives: star-mark URLs are `<publicBaseUrl>/v#<token>`. */
  publicBaseUrl: string;
  /** Who issues: named on every certificate, mark and verdict (shared/certification-body). */
  certificationBody: CertificationBody;
  /** How long a status snapshot, once made, is served before a new one is made (default a minute). */
  statusSnapshotMaxAgeMs?: number;
  /**
   * Requests a second one anonymous client address may make (shared/api-keys ANONYMOUS_LIMITS unless set); null:
   * anonymous requests are not metered (load benches and tests that fire far more than a person would).
   */
  anonymousRatePerSecond?: number | null;
  /** Days after an event by which it is reported to the national platform (shared/national-report's default). */
  reportingDeadlineDays?: number;
  /**
   * Whether webhooks may go to loopback addresses (over http too): the local system, whose receivers run on the same
   * machine. Never in AWS, where a loopback or private address would be a probe of the function's own network.
   */
  webhookLoopback?: boolean;
  /**
   * Reports and complaints one client address may file in an hour (shared/complaints INTAKE_LIMITS unless set);
   * null: not limited (tests whose many filings all come from the one local address).
   */
  reportsPerClientPerHour?: number | null;
}

/** Signs the star-mark token of a certificate; supplied by the signing module (local key or KMS). */
export interface StarMarkIssuer {
  tokenFor(certificate: Certificate): Promise<{ token: string; kid: string }>;
}

export interface Deps {
  store: RegistryStore;
  clock: () => Date;
  config: RegistryConfig;
  starMarks?: StarMarkIssuer;
  /** The star-mark key registry: JWKS, verification, rotation and revocation (functions/signing). */
  signingKeys?: SigningKeyRing;
  /**
   * The receipt key ring: signs receipts, and nothing else. Separate from `signingKeys` so that the public function,
   * which signs receipts for anyone who asks, holds no key that could sign a star mark.
   */
  receiptKeys?: SigningKeyRing;
  /** The status key ring: signs the status snapshot, and nothing else (shared/status-snapshot). */
  statusKeys?: SigningKeyRing;
  /** The registry's objects (published files, exports): S3 in AWS, the local S3 server locally. */
  objects?: ObjectStore;
  /** Who holds which role (Cognito's groups in AWS, the dev identity provider locally): the staff function's alone. */
  directory?: StaffDirectory;
  /**
   * Where certificate holders read mail (the dev identity provider's users locally, the user pool in AWS): the
   * webhook worker's alone, which sends holders their notices.
   */
  holderAddresses?: HolderAddresses;
  /** The cases' files (a private bucket): only the staff function is given it. */
  documents?: DocumentObjects;
  /**
   * A channel for notices decided in a request (a re-signed mark), delivered before it answers: the outbox locally.
   * The staff function in AWS has none (it may not publish to the topic): the sweep delivers what is queued.
   */
  notifier?: Notifier;
}
