/** Operations of the procurement concern, by the op names of its routes. */
import type { Operation } from '../http/dispatch';

export const publicProcurementOperations: Record<string, Operation> = {};
export const staffProcurementOperations: Record<string, Operation> = {};
