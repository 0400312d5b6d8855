/** Operations of the operations concern, by the op names of its routes. */
import type { Operation } from '../http/dispatch';

export const publicOperationsOperations: Record<string, Operation> = {};
export const staffOperationsOperations: Record<string, Operation> = {};
