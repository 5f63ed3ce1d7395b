/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- test code runs under jest on a developer machine, not inside n8n */
/**
 * The fuzz suite's mutated deliveries (test/fuzz/deliveryFuzz.ts) through a
 * real n8n 2.40.7 with our package loaded: for every provider folder (none is
 * named here) one published workflow, trigger → NoOp, and E2E_FUZZ_RUNS
 * (default 500) deliveries, 5 at a time, over n8n's own HTTP stack, with
 * varied Content-Types (JSON, with a charset, vendor +json, text/plain,
 * form-urlencoded, multipart, XML, none), bodies (malformed JSON, XML, form,
 * multipart, empty, non-UTF-8, 10,000 levels deep, prototype keys, huge
 * numbers) and transports (gzip and deflate with Content-Encoding, chunked).
 *
 *   - every answer is the provider's own: the status and JSON body its reply
 *     functions give for the case's expectation class (judgeAnswer), never
 *     n8n's (422 "Failed to parse request body", 500 "could not be started",
 *     "There was a problem executing the workflow"), never a stack trace;
 *   - no forgery is accepted;
 *   - n8n records exactly one execution per 2xx that starts the workflow and
 *     none for anything refused or only acknowledged.
 *
 * The workflow's parameters are fixed once published, so the cases are drawn
 * with its settings pinned (FuzzOptions.settings); a case whose mutation
 * needs other settings (another secret, tolerance, proxy hops, Max Body Size)
 * is redrawn, and counted. n8n sees every request from 127.0.0.1: an
 * IP-allowlist trigger trusts one proxy hop and the case's client address is
 * the X-Forwarded-For entry (ProviderFuzz.toHttp).
 */
import { isDeepStrictEqual } from 'node:util';

import * as fc from 'fast-check';
import { Agent, request } from 'undici';

import type { TriggerChoices } from '../../nodes/shared/pipeline/settings';
import type { ProviderDefinition } from '../../nodes/shared/provider';
import {
	CURRENT_SECRET,
	expectationAcross,
	headerList,
	HTTP_CONTENT_TYPES,
	HttpTally,
	PREVIOUS_SECRET,
	ProviderFuzz,
	requestBody,
	startsWorkflow,
	describeHttpCase,
	type FuzzCase,
	type HttpDelivery,
} from '../fuzz/deliveryFuzz';
import { startFakeSubscriptionApi, type FakeSubscriptionApi } from '../support/fakeSubscriptionApi';
import { discoverProviders, payloadOf, triggerCredentialFor } from '../support/providers';
import { getSharedN8n, publishTriggerWorkflow, waitFor, type N8nExecution, type N8nInstance } from './harness';

const RUNS = Number(process.env.E2E_FUZZ_RUNS ?? 500);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_260_301;
const CONCURRENCY = 5;
const ANSWER_TIMEOUT_MS = 30_000;
const API_KEY = 'fuzz-e2e-api-key';
/** Families every provider must have sent at least once: the bodies this file promises. */
const REQUIRED_KINDS = ['control', 'body-bits', 'body-truncate', 'non-utf8', 'deep-json', 'deep-field', 'foreign-body', 'proto-keys', 'huge-numbers'];

function seedFor(key: string): number {
	let hash = 0x811c9dc5;
	for (const char of `e2e:${key}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
	return (SEED ^ hash) >>> 0;
}

function triggerOutput(execution: N8nExecution): Record<string, unknown> | undefined {
	return execution.data?.resultData?.runData?.Trigger?.[0]?.data?.main?.[0]?.[0]?.json as Record<string, unknown> | undefined;
}

/** The settings the workflow is published with: all but the last event selected, so some deliveries are only acknowledged. */
function workflowSettings(provider: ProviderDefinition): Partial<TriggerChoices> {
	const names = provider.events.map((event) => event.name);
	return {
		events: names.length > 1 ? names.slice(0, -1) : names,
		invalidPayload: 'emitWithErrors',
		includeHeaders: true,
		emitConnectionTests: false,
		secrets: [CURRENT_SECRET, PREVIOUS_SECRET],
	};
}

const providers = discoverProviders();

describe.each(providers.map((entry) => [entry.provider.key, entry] as const))('fuzz in a real n8n: %s', (key, { folder, provider }) => {
	const seed = seedFor(key);
	const pinned = workflowSettings(provider);
	// The first variant of the scheme: the provider's default (for an IP allowlist, Verify Signature off).
	const variant = new ProviderFuzz(provider).variants[0].name;
	const fuzz = new ProviderFuzz(provider, { clock: () => Date.now(), variants: [variant], settings: pinned, httpFamilies: true });
	const settings = fuzz.base(fuzz.variants[0], provider.events[0], pinned).settings;
	const parameters = fuzz.parametersFor(settings);
	const secrets = { signingSecret: CURRENT_SECRET, previousSigningSecret: PREVIOUS_SECRET };
	const tally = new HttpTally();
	let n8n: N8nInstance;
	let fake: FakeSubscriptionApi | undefined;
	let agent: Agent;
	let workflowId: string | undefined;
	let url: string;
	let seconds = 0;
	let executionsNote = '';

	beforeAll(async () => {
		n8n = getSharedN8n();
		agent = new Agent({ connections: CONCURRENCY, headersTimeout: ANSWER_TIMEOUT_MS, bodyTimeout: ANSWER_TIMEOUT_MS });
		// A trigger that registers itself on publish (a documented subscriptions API) gets a fake one.
		const api = provider.subscriptions && !provider.subscriptions.assumed ? provider.subscriptions : undefined;
		if (api) {
			fake = await startFakeSubscriptionApi({
				apiKey: API_KEY,
				path: api.path.kind === 'fixed' ? api.path.path : api.path.fallback,
				listKey: api.listKey,
			});
		}
		const credential = triggerCredentialFor(provider, secrets, { api: { baseUrl: fake?.baseUrl ?? 'http://127.0.0.1:9', apiKey: API_KEY } });
		({ workflowId, url } = await publishTriggerWorkflow(n8n, {
			name: `e2e fuzz ${key}`,
			nodeName: `${folder.charAt(0).toLowerCase()}${folder.slice(1)}Trigger`,
			credentialType: credential.type,
			credentialData: credential.data,
			parameters,
		}));
	});

	afterAll(async () => {
		if (workflowId) await n8n.deleteWorkflow(workflowId).catch(() => undefined);
		await agent?.close();
		await fake?.close();
		console.log(`fuzz in a real n8n, FUZZ_SEED=${SEED} (${key}: ${seed}), variant ${variant}\n${tally.summary(key, seconds)}\n  executions: ${executionsNote}`);
	});

	const send = async (delivery: HttpDelivery) => {
		const sentAtMs = Date.now();
		try {
			const response = await request(url, { method: 'POST', headers: headerList(delivery), body: requestBody(delivery), dispatcher: agent });
			const text = await response.body.text();
			return { status: response.statusCode, text, sentAtMs, answeredAtMs: Date.now() };
		} catch (error) {
			return { status: 0, text: `no answer: ${error instanceof Error ? error.message : String(error)}`, sentAtMs, answeredAtMs: Date.now() };
		}
	};

	/** Sends one case and checks its answer; never throws (failures are counted and described). */
	const sendCase = async (c: FuzzCase, delivery: HttpDelivery) => {
		tally.sent++;
		if (c.kind === 'control') tally.controls++;
		tally.count(tally.kinds, c.kind);
		for (const part of delivery.transport.split(', ')) tally.count(tally.transports, part);
		const { status, text, sentAtMs, answeredAtMs } = await send(delivery);
		tally.timed(answeredAtMs - sentAtMs, `${c.kind}, ${delivery.transport}, ${status}`);
		const { expect, forgery } = expectationAcross(c, Math.floor(c.request.now.getTime() / 1000), Math.floor(answeredAtMs / 1000));
		const { judgement, ok2xx, problems } = tally.judge(provider, expect, forgery, {
			status,
			text,
			body: delivery.body,
			headers: delivery.headers,
			sentAtMs,
			answeredAtMs,
		});
		if (!ok2xx) tally.count(tally.refusedByStatus, String(status));
		else if (judgement.ok && judgement.accepted) {
			// Emitted or only acknowledged, as the workflow's settings say (README "Events").
			if (startsWorkflow(provider, c.settings, judgement.eventType as string)) tally.emitted++;
			else tally.acknowledged++;
		}
		if (problems.length > 0) tally.fail(describeHttpCase(c, delivery, status, text, problems.join('; ')));
	};

	/** Draws until a case is sendable as drawn under the workflow's parameters and credential. */
	const drawSendable = (g: fc.GeneratorValue): [FuzzCase, HttpDelivery] => {
		for (let tries = 0; tries < 500; tries++) {
			const c = fuzz.draw(g);
			const http = fuzz.toHttp(c, g);
			if (!http.ok) tally.count(tally.redrawn, `${c.kind}: ${http.why}`);
			else if (!isDeepStrictEqual(http.delivery.parameters, parameters) || !isDeepStrictEqual(http.delivery.credential, secrets)) {
				tally.count(tally.redrawn, `${c.kind}: settings other than the published workflow's`);
			} else return [c, http.delivery];
		}
		throw new Error('500 draws in a row could not be sent to the published workflow');
	};

	it(`${RUNS} mutated deliveries, ${CONCURRENCY} at a time: only the provider's answers, no forgery accepted, one execution per emitted 2xx`, async () => {
		const started = Date.now();
		const inFlight = new Set<Promise<void>>();
		await fc.assert(
			fc.asyncProperty(fc.gen(), async (g) => {
				while (inFlight.size >= CONCURRENCY) await Promise.race(inFlight);
				// Drawn just before it is sent: its timestamps are signed against the clock n8n reads.
				const [c, delivery] = drawSendable(g);
				const sending: Promise<void> = sendCase(c, delivery).finally(() => inFlight.delete(sending));
				inFlight.add(sending);
			}),
			{ seed, numRuns: RUNS, endOnFailure: true },
		);
		await Promise.all(inFlight);
		const sentIn = (Date.now() - started) / 1000;

		// A barrier: one more correct delivery of a selected event, sent after every other one was
		// answered. Accepted deliveries are answered once recorded, refusals before anything could
		// start, so once the barrier's execution is listed a stray one would be listed too.
		const selected = provider.events.find((event) => startsWorkflow(provider, settings, event.name)) ?? provider.events[0];
		const barrier = fuzz.toHttp(fuzz.controlCase(fuzz.base(fuzz.variants[0], selected, pinned), 'barrier'));
		if (!barrier.ok) throw new Error(`the barrier delivery cannot be sent: ${barrier.why}`);
		const barrierAnswer = await send(barrier.delivery);
		expect(barrierAnswer.status).toBe(200);
		const expected = tally.emitted + 1;
		const executions = await waitFor(() => n8n.listExecutions(workflowId as string, { includeData: false }), {
			describe: `${expected} finished executions of the ${key} fuzz workflow (one per emitted 2xx, and the barrier)`,
			until: (list) => list.length >= expected && list.every((execution) => !['new', 'running', 'waiting'].includes(execution.status)),
			show: (list) => `${list.length} execution(s)`,
			timeoutMs: 120_000,
			intervalMs: 1000,
		});
		seconds = (Date.now() - started) / 1000;
		const byStatus: Record<string, number> = {};
		for (const execution of executions) tally.count(byStatus, execution.status);
		executionsNote =
			`${executions.length} for ${tally.emitted} emitted 2xx + 1 barrier (${JSON.stringify(byStatus)}); ` +
			`all answered after ${sentIn.toFixed(1)} s, executions listed after ${seconds.toFixed(1)} s`;

		expect({ failures: tally.failureCount, first: tally.failures }).toEqual({ failures: 0, first: [] });
		expect(tally.forgeriesAccepted).toBe(0);
		expect(tally.foreignAnswers).toBe(0);
		expect(executions.length).toBe(expected);
		expect(byStatus).toEqual({ success: expected });
		const items = (await n8n.listExecutions(workflowId as string, { includeData: true })).map(triggerOutput);
		expect(items.filter((item) => item === undefined || typeof item._deliveryId !== 'string')).toEqual([]);
		expect(() => items.forEach((item) => payloadOf(item as Record<string, unknown>))).not.toThrow();

		// What this file promises to have sent.
		expect(tally.mutated).toBeGreaterThanOrEqual(Math.floor(RUNS * 0.9));
		expect(tally.forgeriesSent).toBeGreaterThan(0);
		expect(tally.emitted).toBeGreaterThan(0);
		expect(REQUIRED_KINDS.filter((kind) => !tally.kinds[kind])).toEqual([]);
		const contentTypes = HTTP_CONTENT_TYPES.map((type) => `Content-Type ${type ?? 'none'}`);
		expect([...contentTypes, 'gzip', 'chunked'].filter((part) => !tally.transports[part])).toEqual([]);
	}, 240_000);
});
