import type { ZodTypeAny } from 'zod';

export interface ValidationIssue {
	readonly path: string;
	readonly message: string;
}

/** Checks a payload against its event schema; returns the issues, empty when it conforms. */
export function validatePayload(schema: ZodTypeAny, payload: unknown): ValidationIssue[] {
	const result = schema.safeParse(payload);
	if (result.success) return [];
	return result.error.issues.map((issue) => ({
		path: issue.path.join('.') || '(root)',
		message: issue.message,
	}));
}

export function summariseIssues(issues: readonly ValidationIssue[]): string {
	const shown = issues.slice(0, 5).map((issue) => `${issue.path}: ${issue.message}`);
	const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
	return `The payload does not match the event schema: ${shown.join('; ')}${more}`;
}
