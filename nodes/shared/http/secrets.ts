export function nonEmptyString(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The set values of a credential's secret fields: what must be cut out of any text shown to a user. */
export function secretsOf(credentials: object, fields: readonly string[]): string[] {
	const values = credentials as Record<string, unknown>;
	return fields.map((field) => nonEmptyString(values[field])).filter((value): value is string => value !== undefined);
}
