/**
 * Where the directory is made of sign-ins (an OIDC deployment), every verified staff request keeps its caller in it
 * before the request is handled, so that a colleague can be assigned from the moment they first sign in; and keeps
 * an applicant's verified address, where their certificates' changes are told (sign-in-addresses.ts).
 */
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import type { Actor } from '../../shared/model';
import { type ApiEvent, callerOf, claimsOf } from '../http/request';

export interface SignInRecorder {
  /** `claims`: the verified token's, as the authorizer passes them. */
  recordSignIn(actor: Actor, claims?: Readonly<Record<string, unknown>>): Promise<void>;
}

/** Several recorders as one: each sign-in goes to every one of them, in turn. */
export function allOf(...recorders: SignInRecorder[]): SignInRecorder {
  return {
    async recordSignIn(actor, claims) {
      for (const recorder of recorders) await recorder.recordSignIn(actor, claims);
    },
  };
}

type ApiHandler = (event: ApiEvent) => Promise<APIGatewayProxyResultV2>;

/** `recorder` resolves to none where the identity provider keeps the directory itself (Cognito's groups). */
export function recordingSignIns(handler: ApiHandler, recorder: () => Promise<SignInRecorder | undefined>): ApiHandler {
  return async (event) => {
    const caller = callerOf(event);
    if (caller) await (await recorder())?.recordSignIn(caller, claimsOf(event));
    return handler(event);
  };
}
