/** Operations of the star-marks concern, by the op names of its routes. */
import type { Operation } from '../http/dispatch';

export const publicStarMarkOperations: Record<string, Operation> = {};
export const staffStarMarkOperations: Record<string, Operation> = {};
