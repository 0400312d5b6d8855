/** A failure of the local runtime that a person can act on: printed as a message, never as a stack trace. */
export class LocalRuntimeError extends Error {
  override readonly name = 'LocalRuntimeError';
}
