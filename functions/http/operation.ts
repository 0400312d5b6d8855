/**
 * What an operation is: the typed call its route's schemas parse to, and the answer it gives. The tables of
 * operations are typed against the route table, so a route without an operation, an operation without a route, or
 * an operation that reads a field its schemas do not produce, does not compile.
 */
import type * as z from 'zod/mini';
import type { ApplicationCommand, CertificateCommand } from '../../shared/lifecycle/transitions';
import type { Actor } from '../../shared/model';
import type { FunctionName, OperationKeyOf, OperationRoute, RouteOfOperation } from '../../shared/routes';
import type { Deps } from '../service/deps';
import type { IdempotencyContext } from '../service/plan';

export interface ApiResponse {
  status: number;
  body?: unknown;
  /** A body that is not JSON (SVG, PNG as base64, HTML). */
  raw?: { contentType: string; text: string; base64?: boolean };
  headers?: Record<string, string>;
}

/** The request as the operation sees it: parsed once, by the dispatcher, from the route's own schemas. */
export interface Call<Params, Query, Body, Caller> {
  params: Params;
  query: Query;
  body: Body;
  /** Staff routes always have a caller (the dispatcher refuses them without one). */
  actor: Caller;
  /** Present when the client sent an Idempotency-Key (staff POSTs): a retry replays the first answer. */
  idempotency?: IdempotencyContext;
  requestId: string;
  /** The id of the API key presented, on `auth: 'apiKey'` routes: whose subscriptions these are. */
  integrator?: string;
  /** The client's address (dispatch reads it once): what a per-client limit counts. */
  clientAddress: string;
}

export type CallOf<R extends OperationRoute> = Call<
  z.output<R['params']>,
  z.output<R['query']>,
  z.output<R['body']>,
  R['auth'] extends 'staff' ? Actor : Actor | null
> &
  (R['auth'] extends 'apiKey' ? { integrator: string } : unknown);

export type Operation<R extends OperationRoute> = (call: CallOf<R>, deps: Deps) => Promise<ApiResponse>;

/** Exactly the operations of one function's routes: none missing, none extra. */
export type OperationsOf<F extends FunctionName> = {
  [K in OperationKeyOf<F>]: Operation<RouteOfOperation<K>>;
};

/** A lifecycle step: the aggregate's key from the path, and the named transition with its typed input. */
export type TransitionCall<Key, Command> = Call<Key, Record<string, never>, Command, Actor>;

export interface TransitionOperations {
  application: (call: TransitionCall<{ id: string }, ApplicationCommand>, deps: Deps) => Promise<ApiResponse>;
  certificate: (call: TransitionCall<{ number: string }, CertificateCommand>, deps: Deps) => Promise<ApiResponse>;
}
