/**
 * The table's own account of itself (shared/audit/integrity.ts) over a scan of a DynamoDB Local table: every case
 * owns exactly the events its head says and each chain verifies, whatever the test did to get there.
 */
import { auditProblemsOf, auditStreamsOf } from '../../shared/audit/integrity';
import { keys } from '../../shared/store/keys';
import { scanAll } from './table-snapshot';

/** Every audit stream in the table with its events in order, and the head each aggregate claims for it. */
export async function auditStreams(endpoint: string, table = 'starmark') {
  return auditStreamsOf(await scanAll(endpoint, table));
}

/** What is wrong with the table's audit trail, one line per problem; empty when every case is whole. */
export async function auditProblems(endpoint: string, table = 'starmark'): Promise<string[]> {
  return auditProblemsOf(await scanAll(endpoint, table));
}

/** The key of one event item, for tests that tamper with it directly in the table. */
export const eventKey = (stream: string, seq: number) => keys.event(stream, seq);
