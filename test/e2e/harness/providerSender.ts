/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code runs under jest on a developer machine, not inside n8n */
/**
 * sendLikeAProvider(): delivers webhooks the way a provider does. Each
 * delivery is retried, with exponential backoff, until it gets a 2xx or has
 * been tried 1 + `retries` times; a connection error or a timeout counts as a
 * failed attempt. A 2xx is final: the delivery is acknowledged and never sent
 * again, which is what makes "acknowledged but not recorded" a loss.
 */
import { Agent, request } from 'undici';

export interface Delivery {
	/** The delivery's key, as the trigger puts it in `_deliveryId`. */
	key: string;
	/** Builds the request anew for each attempt (a fresh timestamp and signature, as providers do). */
	build(): { body: string | Buffer; headers: Record<string, string> };
}

export interface SenderOptions {
	url: string;
	/**
	 * Several receivers behind a round-robin balancer without health checks: each attempt
	 * goes to the next URL in turn (a retry usually reaches another one). Default: [url].
	 */
	urls?: string[];
	/** Picks the URL of each attempt instead of the round robin (a balancer with health checks, say). */
	route?: () => string;
	concurrency: number;
	/** Attempts after the first one (default 5). */
	retries?: number;
	/** First backoff; doubles each retry (default 1000 ms: 1, 2, 4, 8, 16 s). */
	backoffMs?: number;
	/** Per-attempt timeout (default 30 s, as MerajutASA's). */
	timeoutMs?: number;
	/** Called after each acknowledged delivery, with how many have been acknowledged so far. */
	onAcknowledged?(count: number): void | Promise<void>;
}

export interface DeliveryResult {
	key: string;
	acknowledged: boolean;
	attempts: number;
	/** Status of each attempt; 0 for a connection error or a timeout. */
	statuses: number[];
	/** The URL that answered 2xx, and its body (to tell the trigger's answer from anything else's). */
	acknowledgedBy?: string;
	acknowledgement?: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function sendLikeAProvider(deliveries: Delivery[], options: SenderOptions): Promise<DeliveryResult[]> {
	const retries = options.retries ?? 5;
	const backoffMs = options.backoffMs ?? 1000;
	const timeoutMs = options.timeoutMs ?? 30_000;
	const dispatcher = new Agent({ connections: options.concurrency, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
	const results: DeliveryResult[] = new Array(deliveries.length);
	let next = 0;
	let acknowledged = 0;
	const urls = options.urls && options.urls.length > 0 ? options.urls : [options.url];
	let attempts = 0;

	const attempt = async (delivery: Delivery): Promise<{ status: number; url: string; body?: string }> => {
		const { body, headers } = delivery.build();
		const url = options.route ? options.route() : urls[attempts++ % urls.length];
		try {
			const response = await request(url, { method: 'POST', body, headers, dispatcher });
			if (response.statusCode >= 200 && response.statusCode < 300) return { status: response.statusCode, url, body: await response.body.text() };
			await response.body.dump();
			return { status: response.statusCode, url };
		} catch {
			return { status: 0, url };
		}
	};

	const worker = async () => {
		for (let index = next++; index < deliveries.length; index = next++) {
			const delivery = deliveries[index];
			const statuses: number[] = [];
			let last: Awaited<ReturnType<typeof attempt>> | undefined;
			for (let tried = 0; tried <= retries; tried++) {
				if (tried > 0) await sleep(backoffMs * 2 ** (tried - 1));
				last = await attempt(delivery);
				statuses.push(last.status);
				if (last.status >= 200 && last.status < 300) break;
			}
			const ok = statuses[statuses.length - 1] >= 200 && statuses[statuses.length - 1] < 300;
			results[index] = { key: delivery.key, acknowledged: ok, attempts: statuses.length, statuses, ...(ok ? { acknowledgedBy: last?.url, acknowledgement: last?.body } : {}) };
			if (ok) await options.onAcknowledged?.(++acknowledged);
		}
	};

	try {
		await Promise.all(Array.from({ length: options.concurrency }, worker));
	} finally {
		await dispatcher.close();
	}
	return results;
}

/** Every `_deliveryId` an execution holds, wherever n8n stored the trigger's item (run data, or the stack of a crashed one). */
export function deliveryIdsIn(execution: { data?: unknown }): string[] {
	const text = JSON.stringify(execution.data ?? {});
	return [...new Set([...text.matchAll(/"_deliveryId":"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1]))];
}

export interface DeliveryAccount {
	sent: number;
	acknowledged: number;
	gaveUp: number;
	recorded: number;
	/** Acknowledged but with no execution at all. */
	lost: number;
	/** Keys with more than one execution. */
	doubled: number;
	/** The first few doubled keys with the statuses the sender got for them, to see how they came about. */
	doubledExamples: Array<{ key: string; statuses: number[] }>;
	executions: number;
}

/** Sender results against the executions n8n holds. */
export function account(results: DeliveryResult[], executions: Array<{ data?: unknown }>): DeliveryAccount {
	const perKey = new Map<string, number>();
	for (const execution of executions) {
		for (const key of deliveryIdsIn(execution)) perKey.set(key, (perKey.get(key) ?? 0) + 1);
	}
	const keys = new Set(results.map((result) => result.key));
	const acknowledgedKeys = new Set(results.filter((result) => result.acknowledged).map((result) => result.key));
	return {
		sent: keys.size,
		acknowledged: acknowledgedKeys.size,
		gaveUp: [...keys].filter((key) => !acknowledgedKeys.has(key)).length,
		recorded: [...keys].filter((key) => perKey.has(key)).length,
		lost: [...acknowledgedKeys].filter((key) => !perKey.has(key)).length,
		doubled: [...perKey.values()].filter((count) => count > 1).length,
		doubledExamples: [...perKey]
			.filter(([, count]) => count > 1)
			.slice(0, 5)
			.map(([key]) => ({ key, statuses: results.find((result) => result.key === key)?.statuses ?? [] })),
		executions: executions.length,
	};
}
