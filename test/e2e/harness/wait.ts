/**
 * waitFor(): polls for the condition a test asserts, with a deadline.
 *
 * n8n does some of its work after the call that caused it has answered (and,
 * with N8N_USE_WORKFLOW_PUBLICATION_SERVICE=false, activates published
 * workflows only after /healthz/readiness answers), so a test waits for the
 * effect it asserts (a subscription in a fake API, a webhook's answer, an
 * execution), never for readiness or for a fixed time.
 *
 *   const subscriptions = await waitFor(() => fake.subscriptions.size, {
 *     describe: 'a subscription in the fake API',
 *     until: (size) => size > 0,
 *   });
 *
 * Errors thrown by the probe end the wait at once (a probe that expects
 * transient failures handles them itself).
 */
import { sleep } from './proc';

export interface WaitForOptions<T> {
	/** What is awaited, for the timeout message ("Timed out after 30000 ms waiting for <describe>; last seen: ..."). */
	describe: string;
	/** Done when this holds for the probed value; default: the value is truthy. */
	until?: (value: T) => boolean;
	/** Default 30 s. The probe runs once more after the deadline has passed, then the wait fails. */
	timeoutMs?: number;
	/** Pause between probes; default 250 ms. */
	intervalMs?: number;
	/** The last probed value as text for the timeout message; default: JSON, shortened. */
	show?: (value: T) => string;
}

function defaultShow(value: unknown): string {
	let text: string;
	try {
		text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
	} catch {
		text = String(value);
	}
	return text.length > 800 ? `${text.slice(0, 800)}...` : text;
}

/** Probes until `until(value)` holds and returns that value; throws with what was awaited and last seen when the deadline passes. */
export async function waitFor<T>(probe: () => T | Promise<T>, options: WaitForOptions<T>): Promise<T> {
	const timeoutMs = options.timeoutMs ?? 30_000;
	const intervalMs = options.intervalMs ?? 250;
	const until = options.until ?? ((value: T) => Boolean(value));
	const started = Date.now();
	const deadline = started + timeoutMs;
	for (let probes = 1; ; probes++) {
		const value = await probe();
		if (until(value)) return value;
		if (Date.now() >= deadline) {
			const shown = (options.show ?? defaultShow)(value);
			throw new Error(
				`Timed out after ${Date.now() - started} ms (limit ${timeoutMs} ms, ${probes} probes) waiting for ${options.describe}; last seen: ${shown}`,
			);
		}
		await sleep(Math.min(intervalMs, Math.max(0, deadline - Date.now())));
	}
}
