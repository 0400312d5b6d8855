/**
 * Staff identity from any OpenID Connect issuer (a self-hosted Keycloak, a Chinese identity service, …): for
 * regions without Cognito (the aws-cn partition) or a body that already runs its own. The HTTP API's JWT authorizer
 * checks the issuer's signature, `iss` and `aud` (the console's client id); the console signs in through the
 * issuer's discovery document with the authorization code and PKCE. Roles come from one top-level claim of the ID
 * token (oidcRolesClaim, e.g. a Keycloak group mapper named `groups`), read by the functions as ROLES_CLAIM.
 */
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import type { StaffIdentityConfig } from '../config';

export function oidcAuthorizer(identity: Extract<StaffIdentityConfig, { kind: 'oidc' }>): HttpJwtAuthorizer {
  return new HttpJwtAuthorizer('StaffJwt', identity.issuer, { jwtAudience: [identity.clientId] });
}

/** The console's runtime config (web/src/console/auth.ts) for an OIDC issuer. */
export function oidcConsoleConfig(identity: Extract<StaffIdentityConfig, { kind: 'oidc' }>): Record<string, unknown> {
  return { auth: 'oidc', issuer: identity.issuer, clientId: identity.clientId, rolesClaim: identity.rolesClaim };
}
