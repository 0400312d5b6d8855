/**
 * The single table, built from the shared definition (shared/table.ts) that DynamoDB Local also uses, so the two
 * cannot drift. Also decides what "read" and "read-write" mean for a function, since only the table knows its
 * indexes.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { TABLE } from '../../shared/table';

export type TableAccess = 'read' | 'readwrite';

// No Scan and no stream reads: every read path is a key or index query (DESIGN.md, "Data"), so a function that
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
}
