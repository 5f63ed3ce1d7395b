/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- test code runs under jest on a developer machine, not inside n8n */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

import { closeServer, listen, readBody } from './loopback';

/**
 * A provider's webhook-subscription API, shaped like Rishi's
 * (Rishi's Webhook Integration Guide, "Webhook Management"), served over real HTTP on
 * loopback: `GET <path>` → `{ <listKey>: [...] }`, `POST <path>`,
 * `PUT <path>/<id>`, `DELETE <path>/<id>`, all behind
 * `Authorization: Bearer <apiKey>`. The path, list key and key header are
 * configurable for the providers whose API is assumed to have this shape. Failures can be
 * injected for the next matching requests.
 */
export interface FakeSubscription {
	id: string;
	url: string;
	events: string[];
	secret?: string;
	active: boolean;
	headers?: Record<string, string>;
	timeout?: number;
	retries?: number;
	createdAt: string;
}

export interface RecordedRequest {
	method: string;
	path: string;
	/** The value of the header that must carry the API key. */
	authorization?: string;
	body?: any;
}

export type InjectedFailure =
	| { status: number; body?: unknown; contentType?: string; retryAfter?: string }
	| { delayMs: number };

export interface FakeSubscriptionApiOptions {
	apiKey: string;
	/** The header that must carry the key (default `authorization`, as `Bearer <key>`). */
	authHeader?: string;
	/** The header's expected value (default `Bearer <apiKey>`). */
	authValue?: string;
	path?: string;
	listKey?: string;
	/** How POST answers: the subscription itself, wrapped as `{ webhook }`, or an empty 201. */
	createAnswer?: 'bare' | 'wrapped' | 'empty';
}

export interface FakeSubscriptionApi {
	baseUrl: string;
	subscriptions: Map<string, FakeSubscription>;
	requests: RecordedRequest[];
	/** Makes the next `times` requests (optionally only of `method`) fail this way. */
	fail(failure: InjectedFailure, match?: { method?: string; times?: number }): void;
	/** Adds a subscription as if someone had created it in the provider's dashboard. */
	seed(subscription: Partial<FakeSubscription> & { url: string; events: string[] }): FakeSubscription;
	/** Requests other than the list call (what a cheap checkExists must not make). */
	writes(): RecordedRequest[];
	close(): Promise<void>;
}

/** What the provider lists: never the secret. */
function publicView(subscription: FakeSubscription): Omit<FakeSubscription, 'secret'> {
	const view: Partial<FakeSubscription> = { ...subscription };
	delete view.secret;
	return view as Omit<FakeSubscription, 'secret'>;
}

function invalid(body: any, partial: boolean): string | undefined {
	if (typeof body !== 'object' || body === null) return 'Body must be a JSON object';
	if (!partial || body.url !== undefined) {
		if (typeof body.url !== 'string' || !/^https?:\/\//.test(body.url)) return 'url must be an http(s) URL';
	}
	if (!partial || body.events !== undefined) {
		if (!Array.isArray(body.events) || body.events.length === 0 || body.events.some((e: unknown) => typeof e !== 'string')) {
			return 'events must be a non-empty array of event names';
		}
	}
	if (body.active !== undefined && typeof body.active !== 'boolean') return 'active must be a boolean';
	if (body.secret !== undefined && typeof body.secret !== 'string') return 'secret must be a string';
	return undefined;
}

export async function startFakeSubscriptionApi(options: FakeSubscriptionApiOptions): Promise<FakeSubscriptionApi> {
	const path = options.path ?? '/api/webhooks';
	const listKey = options.listKey ?? 'webhooks';
	const authHeader = (options.authHeader ?? 'authorization').toLowerCase();
	const authValue = options.authValue ?? `Bearer ${options.apiKey}`;
	const subscriptions = new Map<string, FakeSubscription>();
	const requests: RecordedRequest[] = [];
	const failures: Array<{ failure: InjectedFailure; method?: string; times: number }> = [];
	const timers = new Set<NodeJS.Timeout>();
	let nextId = 1;

	const json = (response: ServerResponse, status: number, body?: unknown): void => {
		response.statusCode = status;
		if (body !== undefined) response.setHeader('content-type', 'application/json');
		response.end(body === undefined ? undefined : JSON.stringify(body));
	};

	const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
		const method = request.method ?? 'GET';
		const url = new URL(request.url ?? '/', 'http://fake');
		const text = (await readBody(request)).toString('utf8');
		let body: any;
		try {
			body = text ? JSON.parse(text) : undefined;
		} catch {
			body = text;
		}
		const presented = request.headers[authHeader];
		requests.push({ method, path: url.pathname, authorization: Array.isArray(presented) ? presented[0] : presented, body });

		const injected = failures.find((entry) => entry.times > 0 && (!entry.method || entry.method === method));
		if (injected) {
			injected.times--;
			const failure = injected.failure;
			if ('delayMs' in failure) {
				await new Promise<void>((resolve) => {
					const timer = setTimeout(() => {
						timers.delete(timer);
						resolve();
					}, failure.delayMs);
					timers.add(timer);
				});
			} else {
				response.statusCode = failure.status;
				if (failure.retryAfter !== undefined) response.setHeader('retry-after', failure.retryAfter);
				if (typeof failure.body === 'string') {
					response.setHeader('content-type', failure.contentType ?? 'text/html');
					response.end(failure.body);
					return;
				}
				return json(response, failure.status, failure.body ?? { error: `Injected failure ${failure.status}` });
			}
		}

		if (presented !== authValue) return json(response, 401, { error: 'Invalid API key' });
		if (url.pathname !== path && !url.pathname.startsWith(`${path}/`)) return json(response, 404, { error: 'Not found' });
		const id = url.pathname === path ? undefined : decodeURIComponent(url.pathname.slice(path.length + 1));

		if (id === undefined && method === 'GET') {
			return json(response, 200, { [listKey]: [...subscriptions.values()].map(publicView) });
		}
		if (id === undefined && method === 'POST') {
			const problem = invalid(body, false);
			if (problem) return json(response, 400, { error: problem });
			const created: FakeSubscription = {
				id: `webhook-${nextId++}`,
				url: body.url,
				events: body.events,
				secret: body.secret,
				active: body.active ?? true,
				...(body.headers ? { headers: body.headers } : {}),
				...(body.timeout !== undefined ? { timeout: body.timeout } : {}),
				...(body.retries !== undefined ? { retries: body.retries } : {}),
				createdAt: new Date().toISOString(),
			};
			subscriptions.set(created.id, created);
			if (options.createAnswer === 'empty') return json(response, 201);
			return json(response, 201, options.createAnswer === 'wrapped' ? { webhook: publicView(created) } : publicView(created));
		}
		if (id !== undefined && (method === 'PUT' || method === 'DELETE')) {
			const existing = subscriptions.get(id);
			if (!existing) return json(response, 404, { error: 'Webhook not found' });
			if (method === 'DELETE') {
				subscriptions.delete(id);
				return json(response, 204);
			}
			const problem = invalid(body, true);
			if (problem) return json(response, 400, { error: problem });
			const updated: FakeSubscription = { ...existing, ...body, id: existing.id, createdAt: existing.createdAt };
			subscriptions.set(id, updated);
			return json(response, 200, publicView(updated));
		}
		return json(response, 405, { error: `${method} is not allowed here` });
	};

	const server = createServer((request, response) => {
		handle(request, response).catch((error: Error) => json(response, 500, { error: error.message }));
	});
	const baseUrl = await listen(server);

	return {
		baseUrl,
		subscriptions,
		requests,
		fail(failure, match = {}) {
			failures.push({ failure, method: match.method, times: match.times ?? 1 });
		},
		seed(subscription) {
			const seeded: FakeSubscription = {
				id: `webhook-${nextId++}`,
				active: true,
				createdAt: new Date().toISOString(),
				...subscription,
			};
			subscriptions.set(seeded.id, seeded);
			return seeded;
		},
		writes: () => requests.filter((entry) => entry.method !== 'GET'),
		close: () => {
			for (const timer of timers) clearTimeout(timer);
			return closeServer(server);
		},
	};
}
