/** A day as a date field gives it, `YYYY-MM-DD` (an empty or half-typed field gives something else). */
export const isDay = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value);
