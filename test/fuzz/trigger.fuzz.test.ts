/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- test code runs under jest on a developer machine, not inside n8n */
/**
 * The fuzz suite's mutated deliveries (deliveryFuzz.ts), sent over loopback
 * HTTP to every provider's real trigger node (none is named here) through
 * test/support/triggerHarness.ts: n8n-core's real WebhookContext, with what
 * n8n 2.40.7 does around webhook() (raw-body reader, gzip/deflate, answers,
 * recording). What processDelivery.fuzz.test.ts holds of the pure pipeline
 * must hold of the trigger inside n8n:
 *   - no forgery is accepted: no 2xx, nothing emitted;
 *   - every answer is the provider's own: the status and JSON body its reply
 *     functions give for the case's expectation class (judgeAnswer), 2xx only
 *     for accepted or acknowledged deliveries; never n8n's or the harness's
 *     own answer (597/598/599, n8n's error texts) or a stack trace;
 *   - a refused delivery emits nothing; an accepted one emits exactly one item
 *     (with _deliveryId, the payload as sent) when its event is selected, and
 *     none when it is only acknowledged;
 *   - Object.prototype and the other built-in prototypes stay untouched.
 *
 * The harness reads the real clock and sees every request from 127.0.0.1, so
 * the cases are drawn against Date.now() and an IP-allowlist case's client
 * address travels as the right-most X-Forwarded-For entry with one more
 * trusted proxy hop (ProviderFuzz.toHttp). The harness reads the node's
 * parameters and the credential on every request, as n8n reads the workflow
 * per call, so one harness per provider serves every case's settings; the
 * cases are sent one at a time over one keep-alive connection, so each answer
 * and emitted item belongs to one case.
 *
 * Besides the pure suite's families, the HTTP-only ones (FuzzOptions.httpFamilies):
 * bodies that are not JSON under their own Content-Type, Max Body Size (413),
 * deep values in top-level fields; and every case may go with another
 * Content-Type, gzip or deflate, or chunked. A case HTTP cannot carry as drawn
 * (a control character in a header, padding Node strips, a NaN setting n8n's
 * JSON parameters cannot hold) is redrawn, and counted in the summary.
 *
 * Re-run a failure with the FUZZ_SEED printed (FUZZ_GLUE_RUNS sets how many
 * cases; the same mutations are drawn, with timestamps relative to the clock):
 *   FUZZ_SEED=<seed> npx jest test/fuzz/trigger.fuzz --selectProjects unit
 */
import * as fc from 'fast-check';
import type { INodeParameters, INodeType } from 'n8n-workflow';
import { Agent, request } from 'undici';

import { reject } from '../../nodes/shared/verification/verdict';
import { discoverProviders, payloadOf, signedHeaders, triggerSecretCredential } from '../support/providers';
import {
	N8N_RECORDING_ERROR,
	N8N_WEBHOOK_ERROR,
	startTriggerHarness,
	type TriggerHarness,
	type TriggerHarnessOptions,
} from '../support/triggerHarness';
import {
	ACCEPT,
	either,
	describeHttpCase,
	expectationAcross,
	headerList,
	HttpTally,
	judgeAnswer,
	prototypePollution,
	ProviderFuzz,
	refuse,
	requestBody,
	SIGNATURE_REASONS,
	startsWorkflow,
	type FuzzCase,
	type HttpDelivery,
} from './deliveryFuzz';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_260_301;
/** Cases sent per provider; about 4.5% are unmodified controls, so 11,000 give more than 10,000 mutated deliveries. */
const RUNS = process.env.FUZZ_GLUE_RUNS ? Number(process.env.FUZZ_GLUE_RUNS) : 11_000;
const MIN_MUTATED = process.env.FUZZ_GLUE_RUNS ? Math.floor(RUNS * 0.9) : 10_000;
const MIN_PER_KIND = Math.floor(RUNS / 250);
/** How long one answer may take before the case counts as unanswered. */
const ANSWER_TIMEOUT_MS = 15_000;
/** Keys the trigger adds next to the provider's fields (README). */
const TRIGGER_KEYS = new Set(['_deliveryId', '_headers', '_validationErrors']);

function seedFor(key: string): number {
	let hash = 0x811c9dc5;
	for (const char of `glue:${key}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
	return (SEED ^ hash) >>> 0;
}

async function triggerOf(folder: string): Promise<INodeType> {
	const module = (await import(`../../nodes/${folder}/${folder}Trigger.node`)) as Record<string, new () => INodeType>;
	return new (Object.values(module)[0])();
}

/** Deep equality of two parsed JSON values, without recursion (payloads may nest thousands deep). */
function sameJson(a: unknown, b: unknown): boolean {
	const pending: Array<[unknown, unknown]> = [[a, b]];
	while (pending.length > 0) {
		const [x, y] = pending.pop() as [unknown, unknown];
		if (Object.is(x, y)) continue;
		if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
		if (Array.isArray(x) !== Array.isArray(y) || Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return false;
		const keys = Object.keys(x);
		if (keys.length !== Object.keys(y).length) return false;
		for (const key of keys) {
			if (!Object.prototype.hasOwnProperty.call(y, key)) return false;
			pending.push([(x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key]]);
		}
	}
	return true;
}

/** Why an emitted item is not the payload as sent, or undefined when it is. */
function itemProblem(json: Record<string, unknown>, body: Buffer | undefined): string | undefined {
	if (Object.getPrototypeOf(json) !== Object.prototype) return 'the emitted item does not have Object.prototype as its prototype';
	let payload: Record<string, unknown>;
	try {
		payload = payloadOf(json);
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
	const sent = JSON.parse((body ?? Buffer.alloc(0)).toString('utf8')) as Record<string, unknown>;
	// What the trigger adds next to the provider's fields (README: _headers, _validationErrors; _deliveryId checked above).
	const own = Object.fromEntries(Object.entries(payload).filter(([key]) => !TRIGGER_KEYS.has(key)));
	return sameJson(own, sent) ? undefined : 'the emitted item is not the payload sent (trigger keys set aside)';
}

const providers = discoverProviders();

describe.each(providers.map((entry) => [entry.provider.key, entry] as const))('trigger fuzz over HTTP: %s', (key, { folder, provider }) => {
	const seed = seedFor(key);
	const fuzz = new ProviderFuzz(provider, { clock: () => Date.now(), httpFamilies: true });
	const tally = new HttpTally();
	const credential: Record<string, unknown> = { baseUrl: 'http://127.0.0.1:9', apiKey: 'unused', signingSecret: '', previousSigningSecret: '' };
	let options: TriggerHarnessOptions;
	let harness: TriggerHarness;
	let agent: Agent;
	let seconds = 0;

	beforeAll(async () => {
		const nodeType = await triggerOf(folder);
		const type = triggerSecretCredential(provider);
		options = { nodeType, parameters: {}, credentials: { type, data: credential } };
		harness = await startTriggerHarness(options);
		agent = new Agent({ connections: 1, keepAliveTimeout: 60_000, keepAliveMaxTimeout: 600_000, headersTimeout: ANSWER_TIMEOUT_MS, bodyTimeout: ANSWER_TIMEOUT_MS });
	});

	afterAll(async () => {
		await agent?.close();
		await harness?.close();
		console.log(`trigger fuzz over HTTP, FUZZ_SEED=${SEED} (${key}: ${seed})\n${tally.summary(key, seconds)}`);
	});

	/** Sends one case as `delivery` and checks everything that must hold of its answer. */
	const sendCase = async (c: FuzzCase, delivery: HttpDelivery) => {
		options.parameters = delivery.parameters as INodeParameters;
		Object.assign(credential, delivery.credential);
		tally.sent++;
		if (c.kind === 'control') tally.controls++;
		tally.count(tally.kinds, c.kind);
		for (const part of delivery.transport.split(', ')) tally.count(tally.transports, part);
		const emittedBefore = harness.emitted.length;
		const sentAtMs = Date.now();
		let status: number;
		let text: string;
		try {
			const response = await request(harness.url, {
				method: 'POST',
				headers: headerList(delivery),
				body: requestBody(delivery),
				dispatcher: agent,
			});
			status = response.statusCode;
			text = await response.body.text();
		} catch (error) {
			status = 0;
			text = `no answer: ${error instanceof Error ? error.message : String(error)}`;
		}
		const answeredAtMs = Date.now();
		tally.timed(answeredAtMs - sentAtMs, `${c.kind}, ${delivery.transport}`);
		await harness.idle();
		const emitted = harness.emitted.slice(emittedBefore);

		const { expect, forgery } = expectationAcross(c, Math.floor(c.request.now.getTime() / 1000), Math.floor(answeredAtMs / 1000));
		const { judgement, ok2xx, problems } = tally.judge(provider, expect, forgery, {
			status,
			text,
			body: delivery.body,
			headers: delivery.headers,
			sentAtMs,
			answeredAtMs,
		});
		if (!ok2xx) {
			tally.count(tally.refusedByStatus, String(status));
			if (emitted.length > 0) problems.push(`a refused delivery emitted ${emitted.length} execution(s)`);
		} else if (judgement.ok && judgement.accepted) {
			const starts = startsWorkflow(provider, c.settings, judgement.eventType as string);
			if (emitted.length === 1 && emitted[0].length === 1) {
				tally.emitted++;
				if (!starts) problems.push(`emitted a ${judgement.eventType} delivery the settings only acknowledge`);
				const item = itemProblem(emitted[0][0].json, delivery.body);
				if (item) problems.push(item);
			} else if (emitted.length === 0) {
				tally.acknowledged++;
				if (starts) problems.push(`acknowledged a selected ${judgement.eventType} delivery without emitting it`);
			} else problems.push(`one delivery emitted ${emitted.length} executions of ${emitted.map((items) => items.length).join(', ')} item(s)`);
			if (forgery && emitted.length > 0) problems.push('a forgery was emitted');
		}
		const pollution = prototypePollution();
		if (pollution) problems.push(`prototype pollution: ${pollution}`);
		if (problems.length > 0) tally.fail(describeHttpCase(c, delivery, status, text, problems.join('; ')));
	};

	/** Draws until a case can be put on the wire as drawn (toHttp), counting the others. */
	const drawSendable = (g: fc.GeneratorValue): [FuzzCase, HttpDelivery] => {
		for (let tries = 0; tries < 200; tries++) {
			const c = fuzz.draw(g);
			const http = fuzz.toHttp(c, g);
			if (http.ok) return [c, http.delivery];
			tally.count(tally.redrawn, `${c.kind}: ${http.why}`);
		}
		throw new Error('200 draws in a row could not be sent over HTTP');
	};

	it("reads the socket address itself: loopback allowed only when the ranges name it (IP-allowlist schemes)", async () => {
		if (provider.authentication.kind !== 'ip-allowlist') return;
		const event = provider.events[0];
		const body = JSON.stringify(event.sample);
		const headers = { ...signedHeaders(provider, body, 'unused'), ...(provider.deliveryHeaders?.(event, event.sample) ?? {}) };
		const send = async (parameters: Record<string, unknown>) => {
			options.parameters = { events: ['*'], ...parameters } as INodeParameters;
			const response = await request(harness.url, { method: 'POST', body, headers: { ...headers, 'x-forwarded-for': '52.66.123.10' }, dispatcher: agent });
			return { status: response.statusCode, body: (await response.body.json()) as unknown };
		};
		const before = harness.emitted.length;
		expect((await send({ allowedIpRanges: '127.0.0.1/32' })).status).toBe(200);
		const refused = await send({ trustedProxyHops: 0 });
		expect(refused).toEqual(provider.replies.rejected(reject('ip_not_allowed', '')));
		expect(harness.emitted.length - before).toBe(1);
	});

	it(`${RUNS} drawn deliveries over HTTP (at least ${MIN_MUTATED} mutated): no forgery accepted, only the provider's answers, nothing emitted for a refusal`, async () => {
		const started = Date.now();
		await fc.assert(
			fc.asyncProperty(fc.gen(), async (g) => {
				const [c, delivery] = drawSendable(g);
				await sendCase(c, delivery);
			}),
			{ seed, numRuns: RUNS, endOnFailure: true },
		);
		seconds = (Date.now() - started) / 1000;
		expect({ failures: tally.failureCount, first: tally.failures }).toEqual({ failures: 0, first: [] });
		expect(tally.forgeriesAccepted).toBe(0);
		expect(tally.foreignAnswers).toBe(0);
		expect(prototypePollution()).toBeUndefined();
		// Enough of each side, so the suite can fail both ways.
		expect(tally.mutated).toBeGreaterThanOrEqual(MIN_MUTATED);
		expect(tally.forgeriesSent).toBeGreaterThan(RUNS / 10);
		expect(tally.emitted).toBeGreaterThan(RUNS / 40);
		expect(tally.acknowledged).toBeGreaterThan(RUNS / 200);
		expect(fuzz.kinds.filter((kind) => (tally.kinds[kind] ?? 0) < MIN_PER_KIND)).toEqual([]);
	}, 600_000);
});

/**
 * The answer oracle must tell the provider's own answers from anything else,
 * or the suite above could not fail: checked here on answers made by hand.
 */
describe.each(providers.map((entry) => [entry.provider.key, entry.provider] as const))('the answer oracle: %s', (_key, provider) => {
	const event = provider.events[0];
	const body = Buffer.from(JSON.stringify(event.sample), 'utf8');
	const headers = { 'content-type': 'application/json', ...(provider.deliveryHeaders?.(event, event.sample) ?? {}) };
	const sentAtMs = Date.now();
	const facts = (status: number, answer: unknown) => ({
		status,
		text: typeof answer === 'string' ? answer : JSON.stringify(answer),
		body,
		headers,
		sentAtMs,
		answeredAtMs: sentAtMs + 20,
	});
	const success = provider.replies.accepted({ payload: event.sample, eventType: event.name, now: new Date(sentAtMs + 10) });
	const mismatch = provider.replies.rejected(reject('signature_mismatch', 'The signature does not match'));
	const signatures = refuse(SIGNATURE_REASONS);

	it("takes the provider's own success reply and refusals for what they are", () => {
		expect(judgeAnswer(provider, ACCEPT, facts(success.status, success.body))).toMatchObject({ ok: true, accepted: true, eventType: event.name });
		expect(judgeAnswer(provider, signatures, facts(mismatch.status, mismatch.body))).toMatchObject({ ok: true, accepted: false });
		const tooLarge = provider.replies.rejected(reject('body_too_large', 'The body is larger than the trigger accepts'));
		expect(judgeAnswer(provider, signatures, facts(tooLarge.status, tooLarge.body))).toMatchObject({ ok: true, accepted: false });
	});

	it('refuses a 2xx where a refusal is expected, and a refusal where acceptance is', () => {
		expect(judgeAnswer(provider, signatures, facts(success.status, success.body))).toMatchObject({ ok: false, foreign: false });
		expect(judgeAnswer(provider, ACCEPT, facts(mismatch.status, mismatch.body))).toMatchObject({ ok: false, foreign: false });
	});

	it('refuses a refusal for another reason class, and a success reply for another payload or moment', () => {
		const notJson = provider.replies.rejected(reject('not_json', 'The body is not valid UTF-8 JSON'));
		expect(judgeAnswer(provider, signatures, facts(notJson.status, notJson.body))).toMatchObject({ ok: false });
		expect(judgeAnswer(provider, ACCEPT, facts(success.status, { ...success.body, extra: true }))).toMatchObject({ ok: false });
		const elsewhen = provider.replies.accepted({ payload: event.sample, eventType: event.name, now: new Date(sentAtMs - 60_000) });
		if (JSON.stringify(elsewhen.body) !== JSON.stringify(success.body)) {
			expect(judgeAnswer(provider, ACCEPT, facts(elsewhen.status, elsewhen.body))).toMatchObject({ ok: false });
		}
		const other = provider.events.find((candidate) => JSON.stringify(provider.replies.accepted({ payload: candidate.sample, eventType: candidate.name, now: new Date(sentAtMs + 10) }).body) !== JSON.stringify(success.body));
		if (other) {
			const reply = provider.replies.accepted({ payload: other.sample, eventType: other.name, now: new Date(sentAtMs + 10) });
			expect(judgeAnswer(provider, ACCEPT, facts(reply.status, reply.body))).toMatchObject({ ok: false });
		}
	});

	it("calls n8n's and the harness's own answers and stack traces foreign", () => {
		const foreignAnswers: Array<[number, unknown]> = [
			[500, { code: 0, message: N8N_WEBHOOK_ERROR }],
			[500, { code: 0, message: N8N_RECORDING_ERROR }],
			[422, { code: 422, message: 'Failed to parse request body', stacktrace: 'SyntaxError: Unexpected token\n    at JSON.parse (<anonymous>)' }],
			[400, { message: 'Failed to parse request body' }],
			[200, { message: 'Workflow was started' }],
			[599, 'harness: noWebhookResponse, but the node wrote no answer'],
			[597, 'harness failure: Maximum call stack size exceeded'],
			[mismatch.status, { ...mismatch.body, stack: 'Error\n    at x (y.js:1:2)' }],
			[mismatch.status, 'Invalid signature'],
		];
		for (const [status, answer] of foreignAnswers) {
			expect(judgeAnswer(provider, either(SIGNATURE_REASONS), facts(status, answer))).toMatchObject({ ok: false, foreign: true });
		}
	});
});

describe('trigger fuzz over HTTP: discovery', () => {
	it('finds provider folders to fuzz', () => {
		expect(providers.length).toBeGreaterThan(0);
	});
});
