/**
 * The single table, built from the shared definition (shared/table.ts) that DynamoDB Local also uses, so the two
 * cannot drift. Also decides what "read" and "read-write" mean for a function, since only the table knows its
 * indexes.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { apiKeyKeys, integratorSubject } from '../../shared/api-keys';
import { eventStreamOf, HOLDER_ADDRESS_PREFIX, keys, LOG_INDEX_COUNTER } from '../../shared/store/keys';
import { TABLE } from '../../shared/table';
import { DUE_INDEX, deliveryStream } from '../../shared/webhooks/stored-delivery';
import { endpointStream, watchlistStream, webhookKeys } from '../../shared/webhooks/subscriptions';

export type TableAccess = 'read' | 'readwrite';

// No Scan and no stream reads: every read path is a key or index query (shared/store/keys.ts), so a function that
// scans is a bug we want to see as AccessDenied, not as a bill.
const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:DescribeTable'];
// TransactWriteItems is authorised per item through these actions; ConditionCheckItem guards the version checks.
const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];

/** The partition-key prefix of a key function's items: everything up to and including its first `#`. */
const prefixOf = (pk: string): string => pk.slice(0, pk.indexOf('#') + 1);

/**
 * The registry's history, which no function may take back: audit events, certificate-number counters, signing-key
 * records (revocations) and the public figures of counterfeit reports (they outlive the matters they count).
 * Prefixes read from the key module, so a renamed prefix moves the guard with it.
 */
export const HISTORY_PREFIXES = {
  auditEvents: prefixOf(keys.event('x', 1).pk),
  counters: prefixOf(keys.counter('x').pk),
  keyRecords: prefixOf(keys.signingKey('x').pk),
  reportFigures: prefixOf(keys.reportFigureTally('x', 0).pk),
} as const;

/** The usage counters' partition-key prefix, read from the key module like the history prefixes. */
export const USAGE_PREFIX = prefixOf(apiKeyKeys.usage('x', 'y').pk);

/** An audit stream's partition-key prefix: `EVT#<kind>/`, so a grant names one kind of stream and no other. */
const streamPrefixOf = (pk: string): string => pk.slice(0, pk.indexOf('/') + 1);

/** Every webhook item: watchlists, endpoints, deliveries (and the due index's one partition), the fan-out cursor. */
export const WEBHOOK_PREFIX = prefixOf(webhookKeys.watchlists);

/**
 * What the webhook worker reads beside its own items: the outbox, i.e. the log's entries (one partition per bundle)
 * and the log's size (one counter, named exactly).
 */
export const WEBHOOK_OUTBOX_KEYS = [
  `${keys.logBundle(0).replace(/\d+$/, '')}*`,
  keys.counter(LOG_INDEX_COUNTER).pk,
] as const;

/** The Idempotency-Key records of integrators' requests (`IDEM#api-key:…`), never a staff member's. */
const integratorIdempotency = keys.idempotency(integratorSubject(''), '').pk.replace(/#$/, '');

/**
 * What an integrator's own requests write (watchlists, webhook endpoints, the holder's tally, a replayed delivery),
 * the audit streams of those changes and their Idempotency-Key records; read from the key modules like the history
 * prefixes.
 */
export const SUBSCRIPTION_PREFIXES = [
  WEBHOOK_PREFIX,
  streamPrefixOf(keys.event(watchlistStream('x'), 1).pk),
  streamPrefixOf(keys.event(endpointStream('x'), 1).pk),
  streamPrefixOf(keys.event(deliveryStream('x', 'y'), 1).pk),
  integratorIdempotency,
] as const;

/**
 * What a public filing writes (a complaint or report, its first audit event, the challenge it spent): the only items
 * the otherwise read-only public function may put.
 */
export const FILING_PREFIXES = {
  matters: prefixOf(keys.matter('x').pk),
  spentChallenges: prefixOf(keys.spentChallenge('x').pk),
  matterEvents: keys.eventStream(eventStreamOf('matter', '')),
} as const;

/** The public figures' tallies, which a filing adds one to (an update: ADD, never a put over them). */
export const FIGURE_PREFIX = keys.reportFigures;

export class StarmarkTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: TABLE.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // Certificates and their hash-chained history are the registry itself: never lost with a stack.
      removalPolicy: RemovalPolicy.RETAIN,
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: TABLE.timeToLiveAttribute,
    });
    for (const index of TABLE.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      });
    }
  }

  /**
   * Grants exactly the data actions for `access`. Index ARNs are listed one by one (not `index/*`) so the policy
   * names what it allows and a new index is a deliberate change to shared/table.ts.
   */
  grant(grantee: IGrantable, access: TableAccess): void {
    const indexArns = TABLE.indexes.map((index) => `${this.table.tableArn}/index/${index.name}`);
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: READ_ACTIONS, resources: [this.table.tableArn, ...indexArns] }),
    );
    if (access === 'readwrite') {
      grantee.grantPrincipal.addToPrincipalPolicy(
        new PolicyStatement({ actions: WRITE_ACTIONS, resources: [this.table.tableArn] }),
      );
    }
  }

  /**
   * Lets a read-only function count uses (API-key quotas, per-client rates): UpdateItem on the usage counters and on
   * nothing else, by their partition-key prefix. ForAllValues: every item the request touches must be a counter.
   */
  grantUsageCounting(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'CountUsesOnly',
        actions: ['dynamodb:UpdateItem'],
        resources: [this.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${USAGE_PREFIX}*`] } },
      }),
    );
  }

  /**
   * Lets the read-only public function keep integrators' subscriptions: puts, conditional updates and deletes on
   * their items and their audit streams only (ForAllValues: every item of a transaction must be one of them).
   */
  grantSubscriptionWrites(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'SubscriptionWritesOnly',
        actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'],
        resources: [this.table.tableArn],
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': SUBSCRIPTION_PREFIXES.map((p) => `${p}*`) },
        },
      }),
    );
  }

  /**
   * The webhook worker's whole access to the table, instead of `grant`: it reads its own items (the due index
   * among them: a Query on an index is held to the index's partition key) and the log's entries and size, and
   * writes its own items only — puts, conditional on the step read, inside transactions; it never updates in place
   * or deletes; beside them it puts the outbox records of the e-mails it sent (`OUTBOX`, exactly), and it reads
   * the holders' kept addresses (`HOLDERMAIL#`, an OIDC deployment's), never writes them. Nothing of certificates,
   * cases, keys or audit events, not even to read.
   */
  grantWebhookWork(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'WebhookReadsOnly',
        actions: ['dynamodb:GetItem', 'dynamodb:Query'],
        resources: [this.table.tableArn, `${this.table.tableArn}/index/${DUE_INDEX}`],
        conditions: {
          'ForAllValues:StringLike': {
            // Beside its own: the holders' kept addresses (an OIDC deployment's), read just before a holder's e-mail.
            'dynamodb:LeadingKeys': [`${WEBHOOK_PREFIX}*`, ...WEBHOOK_OUTBOX_KEYS, `${HOLDER_ADDRESS_PREFIX}*`],
          },
        },
      }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'WebhookWritesOnly',
        actions: ['dynamodb:PutItem', 'dynamodb:ConditionCheckItem'],
        resources: [this.table.tableArn],
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${WEBHOOK_PREFIX}*`, keys.outbox] },
        },
      }),
    );
  }

  /**
   * Lets the public function file complaints and reports: PutItem (a transaction's Put is authorised as one) on the
   * filing's items and nothing else. It may not update or delete them: handling a matter is the staff function's.
   */
  grantPublicFiling(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'FileComplaintsOnly',
        actions: ['dynamodb:PutItem'],
        resources: [this.table.tableArn],
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': Object.values(FILING_PREFIXES).map((p) => `${p}*`) },
        },
      }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'CountReportsOnly',
        actions: ['dynamodb:UpdateItem'],
        resources: [this.table.tableArn],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [FIGURE_PREFIX] } },
      }),
    );
  }

  /**
   * Explicit denies, which no later grant can undo: nobody deletes an audit event, a counter or a key record
   * (DeleteItem, or a delete inside BatchWriteItem), and nobody updates an audit event in place (events are only
   * ever put, on the condition that they do not exist yet). `dynamodb:LeadingKeys` is the partition key of each item
   * the request touches; ForAnyValue makes one such item enough to refuse the whole request.
   */
  denyHistoryRewrites(grantee: IGrantable): void {
    const like = (prefixes: string[]) => ({
      'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': prefixes.map((p) => `${p}*`) },
    });
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'NeverDeleteHistory',
        effect: Effect.DENY,
        actions: ['dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
        resources: [this.table.tableArn],
        conditions: like(Object.values(HISTORY_PREFIXES)),
      }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'NeverRewriteAuditEvents',
        effect: Effect.DENY,
        actions: ['dynamodb:UpdateItem'],
        resources: [this.table.tableArn],
        conditions: like([HISTORY_PREFIXES.auditEvents]),
      }),
    );
  }
}
