/** The part of a holder's identity that every public answer shows: the register, the log and the status snapshot. */

import type { Organization } from '../model';

export interface PublicOrganization {
  name: string;
  nameEn?: string;
  creditCode: string;
}

/** Its address and contacts stay inside the registry: they are not published anywhere. */
export function publicOrganization(o: Organization): PublicOrganization {
  return { name: o.name, ...(o.nameEn ? { nameEn: o.nameEn } : {}), creditCode: o.creditCode };
}
