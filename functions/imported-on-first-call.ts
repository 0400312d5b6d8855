/**
 * A port (or a table of operations) whose implementation is imported on its first call instead of when the function
 * starts: what only a rarely used route needs, and the AWS SDK client under it, stays out of the cold start. The
 * function's bundle is split (infra/constructs/lambda-build.ts), so each such import is a chunk of its own that
 * Node reads only then.
 */

/** The names of T's members that are functions answering a promise: only those can wait for the import. */
type AsyncMethodName<T> = {
  [K in keyof T]-?: T[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof T];

export function importedOnFirstCall<T extends object, M extends AsyncMethodName<T>>(
  load: () => Promise<T>,
  methods: readonly M[],
): Pick<T, M> {
  let loaded: Promise<T> | undefined;
  const implementation = () => {
    // A failed import (a chunk unreadable for a moment) is not kept: the next call tries again.
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  };
  const entries = methods.map((name) => [
    name,
    async (...args: unknown[]) => {
      const target = await implementation();
      return (target[name] as (...a: unknown[]) => Promise<unknown>).apply(target, args);
    },
  ]);
  return Object.fromEntries(entries) as Pick<T, M>;
}
