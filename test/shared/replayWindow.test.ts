import {
	checkReplayWindow,
	DEFAULT_REPLAY_TOLERANCE_SECONDS,
} from '../../nodes/shared/verification/replayWindow';

/** The injected clock: 2025-08-07T10:30:00Z, MerajutASA's example timestamp. */
const NOW_S = 1754562600;
const NOW_MS = NOW_S * 1000;

const at = (offsetSeconds: number) => String(NOW_S + offsetSeconds);
const reasonOf = (header: string | undefined, nowMs = NOW_MS, tolerance?: number) => {
	const verdict = checkReplayWindow(header, nowMs, tolerance);
	return verdict.ok ? 'accepted' : verdict.reason;
};

describe('checkReplayWindow', () => {
	it('defaults to a 300 s tolerance', () => {
		expect(DEFAULT_REPLAY_TOLERANCE_SECONDS).toBe(300);
	});

	it('accepts the current second', () => {
		expect(reasonOf(at(0))).toBe('accepted');
	});

	it('accepts a timestamp exactly 300 s old (the edge)', () => {
		expect(reasonOf(at(-300))).toBe('accepted');
	});

	it('refuses a timestamp 301 s old as stale', () => {
		expect(reasonOf(at(-301))).toBe('stale_timestamp');
	});

	it('accepts 300 s ahead but refuses 301 s ahead and the far future', () => {
		expect(reasonOf(at(300))).toBe('accepted');
		expect(reasonOf(at(301))).toBe('stale_timestamp');
		expect(reasonOf(at(86_400 * 365))).toBe('stale_timestamp');
		expect(reasonOf('999999999999')).toBe('stale_timestamp');
	});

	it('refuses the epoch and other ancient timestamps', () => {
		expect(reasonOf('0')).toBe('stale_timestamp');
		expect(reasonOf(at(-86_400))).toBe('stale_timestamp');
	});

	it('compares whole seconds of the injected clock', () => {
		// 300.999 s after the timestamp is still 300 whole seconds.
		expect(reasonOf(at(-300), NOW_MS + 999)).toBe('accepted');
		expect(reasonOf(at(-300), NOW_MS + 1000)).toBe('stale_timestamp');
	});

	it('honours a custom tolerance', () => {
		expect(reasonOf(at(-60), NOW_MS, 60)).toBe('accepted');
		expect(reasonOf(at(-61), NOW_MS, 60)).toBe('stale_timestamp');
		expect(reasonOf(at(61), NOW_MS, 60)).toBe('stale_timestamp');
		expect(reasonOf(at(-3599), NOW_MS, 3600)).toBe('accepted');
		expect(reasonOf(at(0), NOW_MS, 0)).toBe('accepted');
		expect(reasonOf(at(-1), NOW_MS, 0)).toBe('stale_timestamp');
	});

	it('fails closed when the tolerance is not a number', () => {
		expect(reasonOf(at(0), NOW_MS, Number.NaN)).toBe('stale_timestamp');
		expect(reasonOf(at(-100_000), NOW_MS, Number.NaN)).toBe('stale_timestamp');
	});

	it.each([undefined, '', '   '])('treats %p as missing', (header) => {
		expect(reasonOf(header)).toBe('missing_timestamp');
	});

	it.each([
		['letters', 'abc'],
		['a fraction', '1.5'],
		['a negative number', '-5'],
		['a plus sign', '+5'],
		['exponent notation', '1.7e9'],
		['hex', '0x68947ea8'],
		['milliseconds (13 digits)', String(NOW_MS)],
		['an ISO date', '2025-08-07T10:30:00Z'],
		['two values (repeated header)', `${at(0)}, ${at(0)}`],
		['inner whitespace', `${at(0).slice(0, 5)} ${at(0).slice(5)}`],
		['non-ASCII digits', '١٧٥٤٥٦٢٦٠٠'],
	])('refuses %s as malformed', (_label, header) => {
		expect(reasonOf(header)).toBe('malformed_timestamp');
	});

	it('ignores surrounding whitespace', () => {
		expect(reasonOf(` ${at(0)} `)).toBe('accepted');
	});

	it('reports the skew and the limit in the detail', () => {
		const verdict = checkReplayWindow(at(-400), NOW_MS);
		expect(verdict).toMatchObject({ ok: false, reason: 'stale_timestamp' });
		expect((verdict as { detail: string }).detail).toContain('400 s');
		expect((verdict as { detail: string }).detail).toContain('300 s');
	});
});
