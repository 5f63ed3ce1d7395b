/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs under jest on a developer machine, not inside n8n */
/**
 * The delivery contract of every trigger, through n8n-core's real
 * WebhookContext and the harness that does what n8n 2.40.7 does around
 * webhook(): whatever the Content-Type, the trigger authenticates the raw
 * bytes first and gives the provider's answer; an accepted delivery is
 * answered only once n8n has recorded it; oversized bodies get 413.
 */
import { gzipSync } from 'node:zlib';

import type { INodeParameters, INodeType } from 'n8n-workflow';

import { parseJsonBody } from '../../nodes/shared/pipeline/parseJsonBody';
import type { EventDefinition, ProviderDefinition } from '../../nodes/shared/provider';
import { reject, type Rejection } from '../../nodes/shared/verification/verdict';
import { post } from '../support/post';
import { discoverProviders, payloadOf, signedHeaders, triggerSecretCredential } from '../support/providers';
import { startTriggerHarness, type TriggerHarness } from '../support/triggerHarness';

const SECRET = 'contract-secret';
const LOOPBACK_ONLY = '127.0.0.1/32';

/** Content-Types a provider might send, or a proxy might rewrite a delivery to. */
const CONTENT_TYPES: Array<[string, string | undefined]> = [
	['application/json', 'application/json'],
	['with a charset', 'application/json; charset=utf-8'],
	['vendor +json', 'application/vnd.provider+json'],
	['text/plain', 'text/plain'],
	['form-urlencoded', 'application/x-www-form-urlencoded'],
	['multipart', 'multipart/form-data; boundary=----x'],
	['XML', 'application/xml'],
	['none', undefined],
];

async function triggerOf(folder: string): Promise<INodeType> {
	const module = (await import(`../../nodes/${folder}/${folder}Trigger.node`)) as Record<string, new () => INodeType>;
	return new (Object.values(module)[0])();
}

function credentialOf(provider: ProviderDefinition) {
	const type = triggerSecretCredential(provider);
	return { type, data: { baseUrl: 'http://127.0.0.1:9', apiKey: 'unused', signingSecret: SECRET } };
}

/** Parameters under which loopback deliveries are the provider's own (the IP allowlist names loopback). */
function parametersOf(provider: ProviderDefinition, extra: Record<string, unknown> = {}): INodeParameters {
	const allowlist = provider.authentication.kind === 'ip-allowlist' ? { allowedIpRanges: LOOPBACK_ONLY } : {};
	return { events: ['*'], ...allowlist, deliveryOptions: extra } as INodeParameters;
}

function headersFor(provider: ProviderDefinition, event: EventDefinition, signedBody: string, contentType: string | undefined) {
	const headers: Record<string, string> = {
		...signedHeaders(provider, signedBody, SECRET),
		...(provider.deliveryHeaders?.(event, event.sample) ?? {}),
	};
	if (contentType === undefined) delete headers['content-type'];
	else headers['content-type'] = contentType;
	return headers;
}

const refusal = (provider: ProviderDefinition, rejection: Rejection) => provider.replies.rejected(rejection);

describe.each(discoverProviders().map((entry) => [entry.provider.displayName, entry] as const))(
	'%s trigger: the delivery contract',
	(_name, { folder, provider }) => {
		let harness: TriggerHarness | undefined;
		const event = provider.events[0];
		const body = JSON.stringify(event.sample);
		const signsBodies = provider.authentication.kind === 'hmac-sha256';

		const start = async (options: Record<string, unknown> = {}, extra: Partial<Parameters<typeof startTriggerHarness>[0]> = {}) => {
			const nodeType = await triggerOf(folder);
			harness = await startTriggerHarness({ nodeType, parameters: parametersOf(provider, options), credentials: credentialOf(provider), ...extra });
			return harness;
		};
		afterEach(async () => {
			await harness?.close();
			harness = undefined;
		});

		describe.each(CONTENT_TYPES)('sent as %s', (_label, contentType) => {
			it('emits an authentic JSON delivery exactly as sent, and answers with the provider success body', async () => {
				const h = await start();
				const response = await post(h.url, body, headersFor(provider, event, body, contentType));
				expect(response.status).toBe(200);
				expect(h.emitted).toHaveLength(1);
				expect(payloadOf(h.emitted[0][0].json)).toEqual(event.sample);
			});

			it('refuses an authentic body that is not JSON with the provider answer, never n8n parser error', async () => {
				const h = await start();
				const malformed = contentType?.includes('xml') ? '<event type="x"/>' : '{"event": "x",';
				const response = await post(h.url, malformed, headersFor(provider, event, malformed, contentType));
				const expected = refusal(provider, parseJsonBody(Buffer.from(malformed)) as Rejection);
				expect({ status: response.status, body: response.json }).toEqual(expected);
				expect(h.emitted).toHaveLength(0);
			});

			it('refuses a forged delivery before looking at the body, whatever it is', async () => {
				// Forged: signed with another secret, or (for an unsigned scheme) sent from an address not allowed.
				const h = await start({}, signsBodies ? {} : { parameters: { events: ['*'] } });
				for (const forged of [body, '{"event": "x",', '<x/>', '']) {
					const headers = headersFor(provider, event, forged, contentType);
					if (signsBodies) Object.assign(headers, signedHeaders(provider, forged, 'not-the-secret'), contentType ? { 'content-type': contentType } : {});
					const response = await post(h.url, forged, headers);
					const reason = signsBodies ? 'signature_mismatch' : 'ip_not_allowed';
					expect({ status: response.status, body: response.json }).toEqual(refusal(provider, reject(reason, '')));
				}
				expect(h.emitted).toHaveLength(0);
			});
		});

		it('verifies a gzip-compressed delivery over the bytes it decompresses to, as n8n reads them', async () => {
			const h = await start();
			const headers = { ...headersFor(provider, event, body, 'application/json'), 'content-encoding': 'gzip' };
			const response = await post(h.url, gzipSync(body), headers);
			expect(response.status).toBe(200);
			expect(payloadOf(h.emitted[0][0].json)).toEqual(event.sample);
		});

		describe('Max Body Size', () => {
			const large = JSON.stringify({ ...event.sample, padding: 'x'.repeat(4096) });
			const tooLarge = refusal(provider, reject('body_too_large', 'The body is larger than the trigger accepts'));

			it('refuses a body declared larger than the option with 413, before reading it', async () => {
				const h = await start({ maxBodySize: 0.001 });
				const response = await post(h.url, large, headersFor(provider, event, large, 'application/json'));
				expect({ status: response.status, body: response.json }).toEqual(tooLarge);
				expect(h.emitted).toHaveLength(0);
			});

			it('refuses a chunked or compressed body that turns out larger, with 413', async () => {
				const h = await start({ maxBodySize: 0.001 });
				const headers = { ...headersFor(provider, event, large, 'application/json'), 'content-encoding': 'gzip' };
				const response = await post(h.url, gzipSync(large), headers);
				expect({ status: response.status, body: response.json }).toEqual(tooLarge);
			});

			it("answers 413 itself for a body beyond n8n's own limit (N8N_PAYLOAD_SIZE_MAX) when the option allows more", async () => {
				const h = await start({ maxBodySize: 20 });
				const huge = Buffer.alloc(17 * 1024 * 1024, 0x20);
				const headers = { ...headersFor(provider, event, '', 'application/json'), 'content-encoding': 'gzip' };
				const response = await post(h.url, gzipSync(huge), headers);
				expect({ status: response.status, body: response.json }).toEqual(tooLarge);
			});

			it('accepts a body at the default limit of 10 MiB', async () => {
				const h = await start();
				const padded = JSON.stringify({ ...event.sample, padding: 'x'.repeat(10 * 1024 * 1024 - body.length - 20) });
				expect(Buffer.byteLength(padded)).toBeLessThanOrEqual(10 * 1024 * 1024);
				const response = await post(h.url, padded, headersFor(provider, event, padded, 'application/json'));
				expect(response.status).toBe(200);
			});
		});

		describe('acknowledged means recorded', () => {
			it('answers an accepted delivery only after n8n has recorded its execution', async () => {
				let record: () => void = () => undefined;
				const recording = new Promise<void>((resolve) => (record = resolve));
				let recorded = false;
				const h = await start({}, { beforeRecording: () => recording.then(() => void (recorded = true)) });
				let answered = false;
				const answer = post(h.url, body, headersFor(provider, event, body, 'application/json')).then((response) => {
					answered = true;
					expect(recorded).toBe(true);
					return response;
				});
				await new Promise<void>((resolve) => setImmediate(resolve));
				expect(answered).toBe(false);
				record();
				expect((await answer).status).toBe(200);
				expect(h.emitted).toHaveLength(1);
			});

			it('never answers 2xx for a delivery n8n failed to record', async () => {
				const h = await start({}, { beforeRecording: () => Promise.reject(new Error('SQLITE_BUSY')) });
				const response = await post(h.url, body, headersFor(provider, event, body, 'application/json'));
				expect(response.status).toBe(500);
				expect(h.emitted).toHaveLength(0);
			});
		});

		describe('Ignore Duplicate Deliveries', () => {
			it('emits concurrent copies of one delivery once; copies that arrive while it is being recorded get a retryable 503', async () => {
				let record: () => void = () => undefined;
				const recording = new Promise<void>((resolve) => (record = resolve));
				const h = await start({ ignoreDuplicates: true }, { beforeRecording: () => recording });
				const headers = headersFor(provider, event, body, 'application/json');
				const first = post(h.url, body, headers);
				const copies = await Promise.all(Array.from({ length: 5 }, () => post(h.url, body, headers)));
				const inProgress = refusal(provider, reject('delivery_in_progress', 'This delivery is being recorded by another request'));
				for (const copy of copies) expect({ status: copy.status, body: copy.json }).toEqual(inProgress);
				record();
				expect((await first).status).toBe(200);
				const retry = await post(h.url, body, headers);
				expect(retry.status).toBe(200);
				expect(h.emitted).toHaveLength(1);
			});

			it('emits the retry of a delivery n8n failed to record', async () => {
				let fail = true;
				const h = await start({ ignoreDuplicates: true }, { beforeRecording: async () => (fail ? Promise.reject(new Error('SQLITE_BUSY')) : undefined) });
				const headers = headersFor(provider, event, body, 'application/json');
				expect((await post(h.url, body, headers)).status).toBe(500);
				fail = false;
				expect((await post(h.url, body, headers)).status).toBe(200);
				expect((await post(h.url, body, headers)).status).toBe(200);
				expect(h.emitted).toHaveLength(1);
				expect(h.emitted[0][0].json._deliveryId).toEqual(expect.any(String));
			});
		});
	},
);
