/**
 * Where the directory is made of sign-ins (an OIDC deployment), every verified staff request keeps its caller in it
 * before the request is handled, so that a colleague can be assigned from the moment they first sign in.
 */
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import type { Actor } from '../../shared/model';
import { type ApiEvent, callerOf } from '../http/request';

export interface SignInRecorder {
  recordSignIn(actor: Actor): Promise<void>;
}

type ApiHandler = (event: ApiEvent) => Promise<APIGatewayProxyResultV2>;

/** `recorder` resolves to none where the identity provider keeps the directory itself (Cognito's groups). */
export function recordingSignIns(handler: ApiHandler, recorder: () => Promise<SignInRecorder | undefined>): ApiHandler {
  return async (event) => {
    const caller = callerOf(event);
    if (caller) await (await recorder())?.recordSignIn(caller);
    return handler(event);
  };
}
