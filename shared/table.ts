/**
 * The one table definition: the CDK stack, DynamoDB Local (npm start, tests) and the store adapter all read it.
 * Single-table design: every item has pk/sk, an entity type and a version. The GSIs are overloaded on purpose
 * (generic names, several access patterns each) so that adding a read path does not mean a new index; the key
 * builders in store/keys.ts are the only place that decides what goes into them.
 */
export interface IndexDefinition {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
  /** What the index serves, for readers of the stack and the store. */
  readonly serves: readonly string[];
}

export const TABLE = {
  /** Logical name; the deployed name comes from the stack or the local runtime's options. */
  defaultName: 'starmark',
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'expiresAt',
  indexes: [
    {
      name: 'gsi1',
      partitionKey: 'gsi1pk',
      sortKey: 'gsi1sk',
      serves: [
        'certificates by credit code',
        'applications by state',
        'complaints and reports by state',
        "an endpoint's webhook deliveries by state",
      ],
    },
    {
      name: 'gsi2',
      partitionKey: 'gsi2pk',
      sortKey: 'gsi2sk',
      serves: [
        'certificates by status and next action date (the sweep)',
        'applications by applicant',
        'complaints and reports by the number they name',
        'webhook deliveries by when they are due',
      ],
    },
    {
      name: 'gsi3',
      partitionKey: 'gsi3pk',
      sortKey: 'gsi3sk',
      serves: [
        'certificates by status and validity end (renewal due)',
        'organization-name search terms',
        "an applicant's applications in one state",
      ],
    },
    {
      name: 'gsi4',
      partitionKey: 'gsi4pk',
      sortKey: 'gsi4sk',
      serves: ["an evaluator's cases in one state"],
    },
  ] as const satisfies readonly IndexDefinition[],
} as const;

export type IndexName = (typeof TABLE.indexes)[number]['name'];

/** Every key attribute is a string: the shape both CreateTable (local) and the CDK Table need. */
export function keyAttributes(): string[] {
  const names = new Set<string>([TABLE.partitionKey, TABLE.sortKey]);
  for (const index of TABLE.indexes) {
    names.add(index.partitionKey);
    names.add(index.sortKey);
  }
  return [...names];
}
