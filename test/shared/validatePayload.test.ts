import { z } from 'zod';

import { summariseIssues, validatePayload, type ValidationIssue } from '../../nodes/shared/pipeline/validatePayload';

const schema = z.object({
	event: z.literal('booking.created'),
	data: z.object({ id: z.string(), staff: z.array(z.object({ name: z.string() })) }),
});

describe('validatePayload', () => {
	it('returns no issues for a conforming payload', () => {
		expect(validatePayload(schema, { event: 'booking.created', data: { id: 'b', staff: [{ name: 'n' }] } })).toEqual([]);
	});

	it('reports dotted paths, array indices included', () => {
		const issues = validatePayload(schema, { event: 'booking.created', data: { id: 5, staff: [{ name: 1 }] } });
		expect(issues.map((issue) => issue.path)).toEqual(['data.id', 'data.staff.0.name']);
		for (const issue of issues) expect(issue.message).not.toBe('');
	});

	it('reports root-level problems as (root)', () => {
		expect(validatePayload(schema, 'not an object')).toEqual([{ path: '(root)', message: expect.any(String) }]);
	});
});

describe('summariseIssues', () => {
	const issue = (n: number): ValidationIssue => ({ path: `p${n}`, message: `m${n}` });

	it('lists up to five issues', () => {
		expect(summariseIssues([issue(1), issue(2)])).toBe(
			'The payload does not match the event schema: p1: m1; p2: m2',
		);
		const five = summariseIssues([1, 2, 3, 4, 5].map(issue));
		expect(five).toContain('p5: m5');
		expect(five).not.toContain('more');
	});

	it('counts the issues beyond five', () => {
		const summary = summariseIssues([1, 2, 3, 4, 5, 6, 7].map(issue));
		expect(summary).toContain('p5: m5');
		expect(summary).not.toContain('p6');
		expect(summary.endsWith(' (and 2 more)')).toBe(true);
	});
});
