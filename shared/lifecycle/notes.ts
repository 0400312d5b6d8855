/** A note typed with a step is part of what happened: it is kept in the step's event, never dropped. */
export function withNote(
  data: Record<string, unknown> | undefined,
  note: string | undefined,
): Record<string, unknown> | undefined {
  return note === undefined ? data : { ...data, note };
}
