/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs under jest on a developer machine, not inside n8n */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';

import { closeServer, listen, readBody } from '../../support/loopback';
import { TEST_MESSAGE } from './spec';

/**
 * Two fakes on loopback, written from the FaithFlow Enterprise Webhook Integration Guide alone (nothing
 * imported from the code under test):
 *
 * - FaithTracker's `POST /api/sync/webhook`, in the order of "How It Works":
 *   verify the signature (its own HMAC, node:crypto), match church_id or
 *   campus_id to a campus, answer test/ping, check that sync is enabled,
 *   fetch the member. Answers are the spec's, body for body.
 * - FaithFlow's core API `GET /api/members/{member_id}` with a Bearer key.
 */
export interface ReceivedRequest {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	/** Header names as they were spelled on the wire. */
	headerNames: string[];
	raw: Buffer;
}

function record(request: IncomingMessage, raw: Buffer): ReceivedRequest {
	const headerNames = request.rawHeaders.filter((_, index) => index % 2 === 0);
	return { method: request.method ?? '', url: request.url ?? '', headers: request.headers, headerNames, raw };
}

function answer(response: ServerResponse, status: number, body: unknown): void {
	response.writeHead(status, { 'content-type': 'application/json' });
	response.end(JSON.stringify(body));
}

export interface Campus {
	/** "Enable Member Data Sync". */
	enabled: boolean;
}

export interface FakeFaithTracker {
	/** The Webhook URL: `<origin>/api/sync/webhook`. */
	webhookUrl: string;
	origin: string;
	received: ReceivedRequest[];
	close(): Promise<void>;
}

export interface FakeFaithTrackerOptions {
	secret: string;
	/** Campuses with a saved sync configuration, by core_church_id. */
	campuses: Record<string, Campus>;
	/** Members the core API knows, by id, with their names. */
	members: Record<string, string>;
}

export async function startFakeFaithTracker(options: FakeFaithTrackerOptions): Promise<FakeFaithTracker> {
	const received: ReceivedRequest[] = [];
	const server = createServer(async (request, response) => {
		const raw = await readBody(request);
		received.push(record(request, raw));
		if (request.method !== 'POST' || request.url !== '/api/sync/webhook') return answer(response, 404, { detail: 'Not Found' });

		const signature = request.headers['x-webhook-signature'];
		if (typeof signature !== 'string' || signature === '') return answer(response, 401, { detail: 'Missing webhook signature' });
		const expected = createHmac('sha256', Buffer.from(options.secret, 'utf8')).update(raw).digest('hex');
		// FaithTracker compares hex strings: lowercase, no prefix, exactly 64 characters.
		const matches = signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
		if (!matches) return answer(response, 401, { detail: 'Invalid webhook signature' });

		const payload = JSON.parse(raw.toString('utf8')) as Record<string, string>;
		const campusId = payload.church_id || payload.campus_id;
		if (!campusId) return answer(response, 400, { detail: 'Missing campus_id in payload' });
		const campus = options.campuses[campusId];
		if (!campus) return answer(response, 404, { detail: 'Sync not configured for this campus' });
		if (payload.event_type === 'test' || payload.event_type === 'ping') {
			return answer(response, 200, {
				success: true,
				message: TEST_MESSAGE,
				timestamp: new Date().toISOString().replace(/Z$/, '000+00:00'),
			});
		}
		if (!campus.enabled) return answer(response, 403, { detail: 'Sync is disabled for this campus' });
		const action = payload.event_type.replace(/^member\./, '');
		const name = options.members[payload.member_id];
		if (action === 'deleted') {
			return answer(response, 200, { success: true, message: `Member deleted: ${name ?? payload.member_id}`, member_id: payload.member_id });
		}
		if (name === undefined) return answer(response, 404, { detail: 'Member not found' });
		return answer(response, 200, { success: true, message: `Member ${action}: ${name}`, member_id: payload.member_id });
	});
	const origin = await listen(server);
	return { webhookUrl: `${origin}/api/sync/webhook`, origin, received, close: () => closeServer(server) };
}

export interface FakeFaithFlowCore {
	baseUrl: string;
	received: ReceivedRequest[];
	/** Holds every member answer until `release()` (for "the reply does not wait" tests). */
	hold(): void;
	release(): void;
	close(): Promise<void>;
}

export interface FakeFaithFlowCoreOptions {
	apiKey: string;
	members: Record<string, Record<string, unknown>>;
}

export async function startFakeFaithFlowCore(options: FakeFaithFlowCoreOptions): Promise<FakeFaithFlowCore> {
	const received: ReceivedRequest[] = [];
	let gate: Promise<void> | undefined;
	let open: (() => void) | undefined;
	const server = createServer(async (request, response) => {
		const raw = await readBody(request);
		received.push(record(request, raw));
		if (gate) await gate;
		if (request.headers.authorization !== `Bearer ${options.apiKey}`) return answer(response, 401, { detail: 'Not authenticated' });
		const url = new URL(request.url ?? '/', 'http://core');
		const match = /^\/api\/members\/([^/]+)$/.exec(url.pathname);
		if (request.method === 'GET' && url.pathname === '/api/members') {
			return answer(response, 200, { data: Object.values(options.members).slice(0, Number(url.searchParams.get('limit') ?? 10)) });
		}
		if (request.method !== 'GET' || !match) return answer(response, 404, { detail: 'Not Found' });
		const member = options.members[decodeURIComponent(match[1])];
		if (!member) return answer(response, 404, { detail: 'Member not found' });
		return answer(response, 200, member);
	});
	const baseUrl = await listen(server);
	return {
		baseUrl,
		received,
		hold: () => {
			gate = new Promise<void>((resolve) => (open = resolve));
		},
		release: () => {
			gate = undefined;
			open?.();
		},
		close: () => closeServer(server),
	};
}

/**
 * A reverse proxy between n8n and FaithTracker that drops one request header,
 * the situation the spec's 401 "Missing webhook signature" describes.
 */
export async function startHeaderStrippingProxy(target: string, header: string): Promise<{ origin: string; close(): Promise<void> }> {
	const server = createServer(async (incoming, outgoing) => {
		const raw = await readBody(incoming);
		const headers = Object.fromEntries(Object.entries(incoming.headers).filter(([name]) => name !== header.toLowerCase()));
		const forwarded = request(`${target}${incoming.url ?? '/'}`, { method: incoming.method, headers }, (upstream) => {
			outgoing.writeHead(upstream.statusCode ?? 502, upstream.headers);
			upstream.pipe(outgoing);
		});
		forwarded.end(raw);
	});
	const origin = await listen(server);
	return { origin, close: () => closeServer(server) };
}

/** Any other server, e.g. one that fails with a 502 page. */
export async function startServer(
	handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<{ origin: string; close(): Promise<void> }> {
	const server = createServer(handler);
	const origin = await listen(server);
	return { origin, close: () => closeServer(server) };
}

/** An origin nothing listens on (a port that was free a moment ago). */
export async function closedOrigin(): Promise<string> {
	const server = createServer();
	const origin = await listen(server);
	await closeServer(server);
	return origin;
}
