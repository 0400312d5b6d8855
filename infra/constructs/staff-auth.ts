/**
 * Staff identity: a Cognito user pool whose groups are the roles of the lifecycle (shared/model.ts ROLES), an app
 * client for the staff console, and the JWT authorizer that guards every `/v1/staff/…` route. The functions read
 * the roles from the token's `cognito:groups` claim; nothing here decides what a role may do.
 */
import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ROLES } from '../../shared/model';
import type { StaffIdentityConfig } from '../config';
import { INVITATION, staffMailSender, VERIFICATION } from './staff-mail';

export interface StaffAuthProps {
  /** Mail sender and settings (config.ts StaffIdentityConfig, Cognito). */
  readonly identity: Extract<StaffIdentityConfig, { kind: 'cognito' }>;
  /** Where the staff console lives (`<web url>/console`, one per host name); the hosted sign-in may only redirect back there. */
  readonly consoleUrls: readonly string[];
  /** Cognito hosted sign-in domain prefix (config.ts authDomainPrefixOf). */
  readonly domainPrefix: string;
}

/** The hosted sign-in origin for a prefix, usable before the domain construct exists (the CDN's CSP needs it). */
export const hostedDomainUrl = (domainPrefix: string): string =>
  `https://${domainPrefix}.auth.${Aws.REGION}.amazoncognito.com`;

export class StaffAuth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly authorizer: HttpUserPoolAuthorizer;
  /** `https://<prefix>.auth.<region>.amazoncognito.com`: the console's /oauth2/authorize, /oauth2/token, /logout. */
  readonly domainUrl: string;

  constructor(scope: Construct, id: string, props: StaffAuthProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      // Accounts are created by an admin: a certification body knows its staff and applicants.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      // Staff decide certificates; a stolen password alone must not be enough.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      userInvitation: INVITATION,
      userVerification: VERIFICATION,
      ...(staffMailSender(props.identity) ? { email: staffMailSender(props.identity) } : {}),
      // Plus adds compromised-credential checks and adaptive sign-in risk (AwsSolutions-COG8); the pool is small.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const role of ROLES) {
      new UserPoolGroup(this, `Group-${role}`, { userPool: this.userPool, groupName: role });
    }

    // A browser app cannot keep a secret: SRP or the authorization-code flow with PKCE, no client secret. The
    // console redeems the code for an ID token (openid; email/profile give a display name) and sends that to the API.
    this.client = this.userPool.addClient('ConsoleClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [...props.consoleUrls],
        logoutUrls: [...props.consoleUrls],
      },
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });

    // Always present: the console's only way in on AWS is the hosted UI.
    const domain = this.userPool.addDomain('HostedSignIn', { cognitoDomain: { domainPrefix: props.domainPrefix } });
    // Through the domain resource, so whatever reads the URL (the console config) is deployed after the domain.
    this.domainUrl = domain.baseUrl();

    this.authorizer = new HttpUserPoolAuthorizer('StaffJwt', this.userPool, {
      userPoolClients: [this.client],
    });
  }
}
