/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code runs under jest on a developer machine, not inside n8n */
import { NodeApiError, type ICredentialType, type INodeProperties, type INodeType } from 'n8n-workflow';

import { ESahayakApi } from '../../credentials/ESahayakApi.credentials';
import { ESahayakTrigger } from '../../nodes/ESahayak/ESahayakTrigger.node';

import type { ProviderDefinition } from '../../nodes/shared/provider';
import { runAction } from '../support/actionHarness';
import { startFakeSubscriptionApi, type FakeSubscription, type FakeSubscriptionApi } from '../support/fakeSubscriptionApi';
import { simulateN8n } from '../support/lifecycleHarness';
import { post } from '../support/post';
import { discoverProviders, loadProviderNodes, signedHeaders } from '../support/providers';
import { opensslHmacHex } from '../support/sign';
import { startTriggerHarness } from '../support/triggerHarness';

/**
 * Every provider whose subscriptions API is assumed (Rishi's REST shape at
 * the credential's Subscriptions Path), found by discovery: its trigger and
 * action node are run here through n8n-core's real contexts against the fake
 * API on loopback, at a custom path.
 */
interface Case {
	provider: ProviderDefinition;
	trigger: () => INodeType;
	action: () => INodeType;
	credentialType: ICredentialType;
	/** Trigger parameters besides events and setup (an IP allowlist: loopback allowed, signature checked). */
	extraParameters: Record<string, unknown>;
	/** Headers of a delivery of `body` signed with `secret`, as the provider would send it. */
	headers(body: string, secret: string): Record<string, string>;
}

/** An unsigned provider's delivery, signed the way its optional signature check expects once it is turned on. */
function optionallySignedHeaders(provider: ProviderDefinition, body: string, secret: string): Record<string, string> {
	const scheme = provider.authentication;
	if (scheme.kind !== 'ip-allowlist') return signedHeaders(provider, body, secret);
	const payload = JSON.parse(body);
	const event = provider.events.find((entry) => entry.name === provider.eventTypeOf(payload, {}))!;
	const prefix = scheme.optionalHmac.encoding.prefixPolicy !== 'forbidden' ? (scheme.optionalHmac.encoding.prefix ?? '') : '';
	return {
		'content-type': 'application/json',
		...(provider.deliveryHeaders?.(event, payload) ?? {}),
		[scheme.optionalHmac.signatureHeader]: `${prefix}${opensslHmacHex(secret, body)}`,
	};
}

const CASES: Case[] = discoverProviders()
	.filter(({ provider }) => provider.subscriptions?.assumed === true)
	.map(({ folder, provider }) => {
		const nodes = loadProviderNodes(folder, provider);
		if (!nodes.action) throw new Error(`${provider.displayName} has a subscriptions API but no action node`);
		const action = nodes.action;
		return {
			provider,
			trigger: nodes.trigger,
			action,
			credentialType: nodes.credential(),
			// An unsigned provider: a generated secret only matters once Verify Signature is on.
			extraParameters:
				provider.authentication.kind === 'ip-allowlist'
					? { allowedIpRanges: '127.0.0.1/32', deliveryOptions: { verifySignature: true } }
					: {},
			headers: (body, secret) => optionallySignedHeaders(provider, body, secret),
		};
	});

it('finds the providers with an assumed subscriptions API', () => {
	expect(CASES.map((entry) => entry.provider.key)).toEqual(expect.arrayContaining(['churn-saver', 'esahayak', 'merajutasa']));
});

const API_KEY = 'assumed_api_key_4d8a2f61c9';
const PATH = '/v1/integrations/webhooks';
const HEX64 = /^[0-9a-f]{64}$/;

describe.each(CASES.map((entry) => [entry.provider.displayName, entry] as const))('%s: assumed subscriptions API', (name, spec) => {
	const { provider, credentialType } = spec;
	const credentialName = credentialType.name;
	const selected = provider.events.slice(0, 2).map((event) => event.name);
	let fake: FakeSubscriptionApi;

	beforeEach(async () => {
		fake = await startFakeSubscriptionApi({ apiKey: API_KEY, path: PATH });
	});
	afterEach(async () => fake.close());

	const credentials = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
		baseUrl: fake.baseUrl,
		apiKey: API_KEY,
		subscriptionsPath: PATH,
		signingSecret: '',
		previousSigningSecret: '',
		...extra,
	});
	const parameters = (setup?: string): Record<string, unknown> => ({
		events: selected,
		...(setup ? { setup } : {}),
		...spec.extraParameters,
	});
	const n8nWith = (setup?: string) =>
		simulateN8n({
			nodeType: spec.trigger(),
			parameters: parameters(setup) as never,
			credentialType,
			credentials: credentials(),
			otherCredentials: { [provider.signingSecretCredentialName]: { signingSecret: 'typed-by-hand' } },
		});
	const only = (): FakeSubscription => {
		expect(fake.subscriptions.size).toBe(1);
		return [...fake.subscriptions.values()][0];
	};
	const act = async (operation: Record<string, unknown>, creds = credentials()) => {
		const [output] = await runAction({
			nodeType: spec.action(),
			parameters: { resource: 'webhook', ...operation } as never,
			credentialType,
			credentials: creds,
		});
		return output.map((item) => item.json);
	};

	describe('description', () => {
		it('offers the setup choice on the trigger, pasting the URL by default, with the dashboard notice only then', () => {
			const properties = spec.trigger().description.properties;
			const setup = properties.find((property) => property.name === 'setup') as INodeProperties;
			expect(setup.default).toBe('manual');
			expect((setup.options as Array<{ value: string }>).map((option) => option.value)).toEqual(['manual', 'automatic']);
			const notice = properties.find((property) => property.name === 'setupNotice') as INodeProperties;
			expect(notice.displayOptions).toEqual({ show: { setup: ['manual'] } });
		});

		it('has an action node, usable as a tool, that says plainly the API shape is assumed and where the path is set', () => {
			const { description } = spec.action();
			expect(description.displayName).toBe(name);
			expect(description.usableAsTool).toBe(true);
			expect(description.credentials).toEqual([{ name: credentialName, required: true }]);
			expect(description.description).toContain(`${name} has not published its API yet: Rishi's REST shape is assumed`);
			expect(description.description).toContain("credential's Subscriptions Path (default /api/webhooks)");
			const subscriptionsPath = credentialType.properties.find((property) => property.name === 'subscriptionsPath');
			expect(subscriptionsPath?.default).toBe('/api/webhooks');
			expect(subscriptionsPath?.description).toMatch(/assumed/i);
		});
	});

	describe('trigger', () => {
		it('with the default manual setup, activation, restart and deactivation make no API call', async () => {
			const n8n = n8nWith();
			expect(await n8n.activate()).toBe(true);
			expect(await n8n.activate('init')).toBe(true);
			expect(await n8n.deactivate()).toBe(true);
			expect(fake.requests).toEqual([]);
			expect(n8n.nodeStaticData()).toEqual({});
		});

		it('registering automatically: one subscription at the credential path, kept on restart, recreated when deleted remotely, removed on deactivation', async () => {
			const n8n = n8nWith('automatic');
			expect(await n8n.activate()).toBe(false);
			const first = only();
			expect(first).toMatchObject({ url: n8n.productionUrl, events: selected, active: true });
			expect(first.secret).toMatch(HEX64);
			expect(n8n.nodeStaticData()).toEqual({ webhookId: first.id, webhookSecret: first.secret });
			expect(fake.requests.map((request) => `${request.method} ${request.path} ${request.authorization}`)).toEqual([
				`GET ${PATH} Bearer ${API_KEY}`,
				`POST ${PATH} Bearer ${API_KEY}`,
			]);

			expect(await n8n.activate('init')).toBe(true);
			expect(only()).toEqual(first);
			expect(fake.writes()).toHaveLength(1);

			fake.subscriptions.clear();
			expect(await n8n.activate('init')).toBe(false);
			const recreated = only();
			expect(recreated.id).not.toBe(first.id);
			expect(recreated).toMatchObject({ url: n8n.productionUrl, events: selected });
			expect(n8n.nodeStaticData().webhookId).toBe(recreated.id);

			expect(await n8n.deactivate()).toBe(true);
			expect(fake.subscriptions.size).toBe(0);
			expect(fake.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `${PATH}/${recreated.id}` });
			expect(n8n.nodeStaticData()).toEqual({});
		});

		it('verifies a delivery signed with the generated secret, and refuses one signed with another', async () => {
			const n8n = n8nWith('automatic');
			await n8n.activate();
			const secret = only().secret as string;
			const harness = await startTriggerHarness({
				nodeType: spec.trigger(),
				parameters: parameters('automatic') as never,
				credentials: { type: credentialName, data: credentials() },
				staticData: n8n.saved,
			});
			try {
				const body = JSON.stringify(provider.events[0].sample);
				expect((await post(harness.url, body, spec.headers(body, secret))).status).toBe(200);
				expect(harness.emitted).toHaveLength(1);
				expect((await post(harness.url, body, spec.headers(body, 'not-the-generated-secret'))).status).toBe(401);
				expect(harness.emitted).toHaveLength(1);
			} finally {
				await harness.close();
			}
		});
	});

	describe('action node, at the credential path', () => {
		it('creates (returning the generated secret once), gets, gets many, updates and deletes', async () => {
			const [created] = await act({ operation: 'create', url: 'https://example.com/hook', events: [selected[0]] });
			const stored = only();
			expect(stored).toMatchObject({ url: 'https://example.com/hook', events: [selected[0]], active: true });
			expect(stored.secret).toMatch(HEX64);
			expect(created).toMatchObject({ id: stored.id, secret: stored.secret });

			expect(await act({ operation: 'get', webhookId: stored.id })).toEqual([expect.objectContaining({ id: stored.id })]);

			fake.seed({ url: 'https://example.com/second', events: [selected[1]] });
			fake.seed({ url: 'https://example.com/third', events: [selected[1]] });
			expect(await act({ operation: 'getAll', returnAll: true })).toHaveLength(3);
			expect((await act({ operation: 'getAll', returnAll: false, limit: 2 })).map((item) => item.url)).toEqual([
				'https://example.com/hook',
				'https://example.com/second',
			]);

			const [updated] = await act({ operation: 'update', webhookId: stored.id, updateFields: { events: selected, active: false } });
			expect(updated).toMatchObject({ id: stored.id, url: 'https://example.com/hook', events: selected, active: false });
			expect(fake.subscriptions.get(stored.id)).toMatchObject({ events: selected, active: false, secret: stored.secret });

			expect(await act({ operation: 'delete', webhookId: stored.id })).toEqual([{ id: stored.id, deleted: true }]);
			expect(fake.subscriptions.has(stored.id)).toBe(false);

			expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
				`POST ${PATH}`,
				`GET ${PATH}`,
				`GET ${PATH}`,
				`GET ${PATH}`,
				`GET ${PATH}`,
				`PUT ${PATH}/${stored.id}`,
				`DELETE ${PATH}/${stored.id}`,
			]);
			expect(fake.requests.every((request) => request.authorization === `Bearer ${API_KEY}`)).toBe(true);
		});

		it('a wrong API key: says to check the key in the credential, without showing it', async () => {
			const wrongKey = 'assumed_wrong_key_0b7e35';
			const error = await act({ operation: 'getAll', returnAll: true }, credentials({ apiKey: wrongKey })).catch((caught: unknown) => caught);
			expect(error).toBeInstanceOf(NodeApiError);
			const apiError = error as NodeApiError;
			expect(apiError.message).toBe(`${name} rejected the API key (HTTP 401): check the API key in the credential`);
			expect(apiError.httpCode).toBe('401');
			const visible = `${apiError.message}\n${apiError.description ?? ''}\n${JSON.stringify(apiError.messages)}`;
			expect(visible).not.toContain(wrongKey);
			expect(visible).not.toContain(API_KEY);
		});
	});
});

describe('eSahayak trigger: the credential is needed for automatic setup or a signature check, and only then', () => {
	let fake: FakeSubscriptionApi;
	beforeEach(async () => {
		fake = await startFakeSubscriptionApi({ apiKey: API_KEY });
	});
	afterEach(async () => fake.close());

	/** A node whose attached credential is of another type: n8n's view of "no eSahayak credential". */
	const withoutCredential = (parameters: Record<string, unknown>) =>
		simulateN8n({
			nodeType: new ESahayakTrigger(),
			parameters: { events: ['*'], ...parameters } as never,
			credentialType: Object.assign(new ESahayakApi(), { name: 'someOtherApi' }),
			credentials: {},
		});

	it('is offered on the trigger but not demanded up front', () => {
		expect(new ESahayakTrigger().description.credentials).toEqual([
			{ name: 'eSahayakSigningSecretApi', required: false, displayOptions: { show: { setup: ['manual'] } }, testedBy: 'signingSecretIsSet' },
			{ name: 'eSahayakApi', required: false },
		]);
	});

	it('manual setup without a signature check activates without one', async () => {
		const n8n = withoutCredential({});
		expect(await n8n.activate()).toBe(true);
		expect(await n8n.deactivate()).toBe(true);
		expect(fake.requests).toEqual([]);
	});

	it.each([
		['automatic setup', { setup: 'automatic' }, 'API', '"Register Automatically" needs its Base URL and API key'],
		['a signature check', { deliveryOptions: { verifySignature: true } }, 'Signing Secret', '"Verify Signature" needs its Signing Secret'],
	])('%s without one fails activation with what to do', async (_label, parameters, kind, need) => {
		const n8n = withoutCredential(parameters);
		await expect(n8n.activate()).rejects.toThrow(`Select an eSahayak ${kind} credential in the trigger: ${need}`);
		expect(fake.requests).toEqual([]);
	});
});
