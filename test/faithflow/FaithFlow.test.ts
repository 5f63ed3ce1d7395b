/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @typescript-eslint/no-explicit-any -- test code runs under jest on a developer machine, not inside n8n */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { FaithFlowApi } from '../../credentials/FaithFlowApi.credentials';
import { FaithFlow } from '../../nodes/FaithFlow/FaithFlow.node';
import { tryAction, type ActionRun } from '../support/actionHarness';
import { closedOrigin, startFakeFaithFlowCore, type FakeFaithFlowCore } from './support/fakes';

/**
 * The FaithFlow action against a fake core API: `GET /api/members/{member_id}`
 * with the credential's Bearer key (the FaithFlow Enterprise Webhook Integration Guide, "How It Works"
 * and "Troubleshooting: Member not found").
 */
const API_KEY = 'ff-core-api-key-5d1c7e';
const SIGNING_SECRET = 'ff-signing-secret-unused-here';
const MEMBER_ID = '8655d76b-9be0-4681-bd2c-35cd5e09a809';
const MEMBER = {
	id: MEMBER_ID,
	full_name: 'SUMARNI NINGSIH',
	phone_whatsapp: '+6281234567890',
	gender: 'Female',
	date_of_birth: '1975-03-14',
	photo_url: 'https://faithflow.example.com/photos/8655d76b.jpg',
};

let core: FakeFaithFlowCore;
beforeAll(async () => {
	core = await startFakeFaithFlowCore({ apiKey: API_KEY, members: { [MEMBER_ID]: MEMBER, 'a/b': { id: 'a/b', full_name: 'SLASHED' } } });
});
afterAll(async () => core.close());
beforeEach(() => {
	core.received.length = 0;
});

function getMember(memberId: string, options: { baseUrl?: string; apiKey?: string; items?: any[]; continueOnFail?: boolean } = {}) {
	return tryAction({
		nodeType: new FaithFlow(),
		parameters: { resource: 'member', operation: 'get', memberId },
		credentialType: new FaithFlowApi(),
		credentials: { baseUrl: options.baseUrl ?? core.baseUrl, apiKey: options.apiKey ?? API_KEY, signingSecret: SIGNING_SECRET, previousSigningSecret: '' },
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

function expectNoSecret(run: ActionRun) {
	const text = JSON.stringify({ output: run.output, error: run.error, message: run.error?.message, description: run.error?.description, logs: run.logs });
	for (const secret of [API_KEY, SIGNING_SECRET]) expect(text).not.toContain(secret);
}

describe('FaithFlow action: Member > Get', () => {
	it('gets the member with the Bearer key the credential applies', async () => {
		const run = await getMember(MEMBER_ID);
		expect(run.error).toBeUndefined();
		expect(run.output).toEqual([{ json: MEMBER, pairedItem: { item: 0 } }]);
		expect(core.received).toHaveLength(1);
		expect(core.received[0].method).toBe('GET');
		expect(core.received[0].url).toBe(`/api/members/${MEMBER_ID}`);
		expect(core.received[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
	});

	it('encodes the member ID as one path segment and tolerates a trailing slash on the Base URL', async () => {
		const run = await getMember('a/b', { baseUrl: `${core.baseUrl}/` });
		expect(run.output?.[0].json).toEqual({ id: 'a/b', full_name: 'SLASHED' });
		expect(core.received[0].url).toBe('/api/members/a%2Fb');
	});

	it('turns 404 into "Member not found" with what to check', async () => {
		const run = await getMember('no-such-member');
		expect(run.error).toBeInstanceOf(NodeApiError);
		expect(run.error?.message).toBe('Member not found');
		expect(run.error?.httpCode).toBe('404');
		expect(run.error?.description).toMatch(/no member with the ID "no-such-member".*member ID is correct/);
		expectNoSecret(run);
	});

	it("turns 401 into FaithFlow's detail and a hint about the API key, without the key", async () => {
		const run = await getMember(MEMBER_ID, { apiKey: 'wrong-api-key-123' });
		expect(run.error).toBeInstanceOf(NodeApiError);
		expect(run.error?.message).toBe('Not authenticated');
		expect(run.error?.httpCode).toBe('401');
		expect(run.error?.description).toMatch(/API Key of the FaithFlow API credential/);
		expectNoSecret(run);
		expect(JSON.stringify(run.error)).not.toContain('wrong-api-key-123');
	});

	it('says the core API is unreachable when nothing listens', async () => {
		const run = await getMember(MEMBER_ID, { baseUrl: await closedOrigin() });
		expect(run.error).toBeInstanceOf(NodeApiError);
		expect(run.error?.message).toBe('Could not connect to FaithFlow');
		expectNoSecret(run);
	});

	it('refuses a credential without a Base URL and an empty member ID before calling anything', async () => {
		expect((await getMember(MEMBER_ID, { baseUrl: '' })).error).toBeInstanceOf(NodeOperationError);
		const empty = await getMember(' ');
		expect(empty.error?.message).toBe('A member ID is required');
		expect(core.received).toHaveLength(0);
	});

	it('continueOnFail keeps going: the missing member becomes an error item paired with its input', async () => {
		const run = await getMember('={{ $json.id }}', { items: [{ json: { id: 'gone' } }, { json: { id: MEMBER_ID } }], continueOnFail: true });
		expect(run.output).toEqual([
			{ json: { error: 'Member not found', description: expect.stringContaining('"gone"'), httpCode: '404' }, pairedItem: { item: 0 } },
			{ json: MEMBER, pairedItem: { item: 1 } },
		]);
	});
});

describe('FaithFlow node description', () => {
	const description = new FaithFlow().description;

	it('is an action node usable as a tool with Member > Get on the FaithFlow API credential', () => {
		expect(description.name).toBe('faithFlow');
		expect(description.usableAsTool).toBe(true);
		expect(description.credentials).toEqual([{ name: 'faithFlowApi', required: true }]);
		const operation = description.properties.find((property) => property.name === 'operation');
		expect(operation?.displayOptions?.show).toEqual({ resource: ['member'] });
		expect((operation?.options as Array<{ value: string; action: string }>).map((option) => [option.value, option.action])).toEqual([
			['get', 'Get a member'],
		]);
		const memberId = description.properties.find((property) => property.name === 'memberId');
		expect(memberId).toMatchObject({ required: true, displayOptions: { show: { resource: ['member'], operation: ['get'] } } });
	});
});
