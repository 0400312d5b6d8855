/** The operation tables' types, one per function: exactly the ops of that function's routes (shared/routes). */
import type { OperationsOf } from '../http/operation';

export type PublicOperations = OperationsOf<'public'>;
export type StaffOperations = OperationsOf<'staff'>;
