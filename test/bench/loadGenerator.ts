/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- benchmark tooling runs on a developer machine, not inside n8n */
/**
 * A closed-loop HTTP load generator on undici: `concurrency` connections, each
 * sending the next request as soon as the previous one is answered, for a
 * fixed time. Every request is built anew (a fresh delivery id, timestamp and
 * signature, as a provider sends them). No retries: a non-2xx answer or a
 * connection error is counted, not repeated.
 */
import { performance } from 'node:perf_hooks';

import { Pool } from 'undici';

export interface LoadRequest {
	body: string | Buffer;
	headers: Record<string, string>;
}

export interface LoadOptions {
	/** Where to send; several URLs (webhook processors) take the requests in turn. */
	urls: string[];
	concurrency: number;
	durationMs: number;
	build(): LoadRequest;
	/** Called every `sampleMs` (default 500) with a reader of the number acknowledged so far. */
	onSample?(acknowledged: () => number): void | Promise<void>;
	sampleMs?: number;
}

export interface LoadResult {
	/** Requests answered 2xx. */
	acknowledged: number;
	/** Requests answered otherwise, or failed; by status (0: connection error or timeout). */
	failed: Record<number, number>;
	/** Answer latency of each acknowledged request, ms, sorted. */
	latenciesMs: number[];
	elapsedMs: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
	const targets = options.urls.map((url) => {
		const target = new URL(url);
		const pool = new Pool(target.origin, { connections: options.concurrency, headersTimeout: 60_000, bodyTimeout: 60_000 });
		return { pool, path: `${target.pathname}${target.search}` };
	});
	let sent = 0;
	const latenciesMs: number[] = [];
	const failed: Record<number, number> = {};
	let acknowledged = 0;
	const started = performance.now();
	const deadline = started + options.durationMs;

	const connection = async () => {
		while (performance.now() < deadline) {
			const { body, headers } = options.build();
			const { pool, path } = targets[sent++ % targets.length];
			const sentAt = performance.now();
			let status = 0;
			try {
				const response = await pool.request({ method: 'POST', path, body, headers });
				await response.body.dump();
				status = response.statusCode;
			} catch {
				status = 0;
			}
			if (status >= 200 && status < 300) {
				acknowledged++;
				latenciesMs.push(performance.now() - sentAt);
			} else {
				failed[status] = (failed[status] ?? 0) + 1;
			}
		}
	};

	let sampling = Promise.resolve();
	const timer = options.onSample
		? setInterval(() => {
				sampling = sampling.then(() => options.onSample?.(() => acknowledged));
			}, options.sampleMs ?? 500)
		: undefined;
	try {
		await Promise.all(Array.from({ length: options.concurrency }, connection));
	} finally {
		if (timer) clearInterval(timer);
		await sampling;
		await Promise.all(targets.map(({ pool }) => pool.close()));
	}
	return { acknowledged, failed, latenciesMs: latenciesMs.sort((a, b) => a - b), elapsedMs: performance.now() - started };
}

/** The q-quantile (0..1) of sorted values; NaN when empty. */
export function quantile(sorted: number[], q: number): number {
	if (sorted.length === 0) return Number.NaN;
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export function median(values: number[]): number {
	const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
	if (finite.length === 0) return Number.NaN;
	const middle = Math.floor(finite.length / 2);
	return finite.length % 2 ? finite[middle] : (finite[middle - 1] + finite[middle]) / 2;
}
