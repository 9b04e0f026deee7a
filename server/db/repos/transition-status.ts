/** The status a `transition` entry moved to, from its `after` JSON. */
export const targetStatus = (after: string | null): string | null => {
  if (after === null) return null;
  try {
    const parsed = JSON.parse(after) as { status?: unknown };
    return typeof parsed.status === 'string' ? parsed.status : null;
  } catch {
    return null;
  }
};
