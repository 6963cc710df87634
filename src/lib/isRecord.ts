/** A plain object read from storage, a file or an API (not an array, not null): the check every decoder starts from. */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
