import { ACCEPTED, reject, type Verdict } from './verdict';

export const DEFAULT_REPLAY_TOLERANCE_SECONDS = 300;

const UNIX_SECONDS = /^\d{1,12}$/;

/**
 * Checks a Unix-seconds timestamp header against the clock. Both stale and
 * far-future timestamps are refused: a future one would let a captured
 * delivery be replayed for longer than the window.
 */
export function checkReplayWindow(
	timestampHeader: string | undefined,
	nowMs: number,
	toleranceSeconds: number = DEFAULT_REPLAY_TOLERANCE_SECONDS,
): Verdict {
	if (timestampHeader === undefined || timestampHeader.trim() === '') {
		return reject('missing_timestamp', 'The timestamp header is missing');
	}
	const value = timestampHeader.trim();
	if (!UNIX_SECONDS.test(value)) {
		return reject('malformed_timestamp', 'The timestamp must be Unix time in whole seconds');
	}
	const skewSeconds = Math.abs(Math.floor(nowMs / 1000) - Number(value));
	// Written as `!(<=)` so a NaN tolerance (a bad setting) refuses instead of accepting everything.
	if (!(skewSeconds <= toleranceSeconds)) {
		return reject(
			'stale_timestamp',
			`The timestamp is ${skewSeconds} s away from this server's clock (limit ${toleranceSeconds} s)`,
		);
	}
	return ACCEPTED;
}
