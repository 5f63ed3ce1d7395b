/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals -- test code runs under jest on a developer machine, not inside n8n */
import { FaithFlowApi } from '../../credentials/FaithFlowApi.credentials';
import { FaithFlowTrigger } from '../../nodes/FaithFlow/FaithFlowTrigger.node';
import { post } from '../support/post';
import { opensslHmacHex } from '../support/sign';
import { startTriggerHarness, type TriggerHarness } from '../support/triggerHarness';
import { closedOrigin, startFakeFaithFlowCore, type FakeFaithFlowCore } from './support/fakes';
import { payloadOf } from '../support/providers';

/**
 * "Attach Full Member": the trigger fetches `GET /api/members/{member_id}`
 * from a fake core API after answering FaithFlow, for created and updated
 * members only, and never loses the event when the fetch fails.
 */
const SIGNING_SECRET = 'TFRuCW5KkeGC_YF_wrBL-attach-member-secret';
const API_KEY = 'ff-core-api-key-attach-7731';
const CHURCH = '3880a17d-f858-4622-87c2-96eaa7b25c83';
const MEMBER_ID = '8655d76b-9be0-4681-bd2c-35cd5e09a809';
const MEMBER = { id: MEMBER_ID, full_name: 'SUMARNI NINGSIH', phone_whatsapp: '+6281234567890', gender: 'Female' };
const NEW_MEMBER = { id: 'new-member-uuid-here', full_name: 'NEW MEMBER' };

function delivery(eventType: string, memberId: string, extra: Record<string, unknown> = {}): string {
	return JSON.stringify({ event_type: eventType, church_id: CHURCH, member_id: memberId, timestamp: '2025-11-20T01:40:00Z', ...extra });
}

function signed(body: string) {
	return { 'content-type': 'application/json', 'x-webhook-signature': opensslHmacHex(SIGNING_SECRET, body) };
}

let core: FakeFaithFlowCore;
let harness: TriggerHarness | undefined;
beforeAll(async () => {
	core = await startFakeFaithFlowCore({ apiKey: API_KEY, members: { [MEMBER_ID]: MEMBER, [NEW_MEMBER.id]: NEW_MEMBER } });
});
afterAll(async () => core.close());
beforeEach(() => {
	core.received.length = 0;
});
afterEach(async () => {
	core.release();
	await harness?.close();
	harness = undefined;
});

/** Posts a delivery; n8n answers once the member is attached and the execution recorded. */
async function deliver(h: TriggerHarness, body: string, headers: Record<string, string> = signed(body)) {
	const response = await post(h.url, body, headers);
	await h.idle();
	return response;
}

async function start(options: Record<string, unknown> = { attachFullMember: true }, credential: Record<string, string> = {}) {
	harness = await startTriggerHarness({
		nodeType: new FaithFlowTrigger(),
		parameters: { events: ['*'], deliveryOptions: options } as never,
		credentials: [
			{ type: 'faithFlowSigningSecretApi', data: { signingSecret: SIGNING_SECRET, previousSigningSecret: '' } },
			{ type: 'faithFlowApi', data: { baseUrl: core.baseUrl, apiKey: API_KEY, ...credential } },
		],
		credentialType: new FaithFlowApi(),
	});
	return harness;
}

function everything(h: TriggerHarness, texts: string[] = []): string {
	return JSON.stringify({ items: h.emitted, logs: h.logs, texts });
}

describe('FaithFlow trigger: Attach Full Member', () => {
	it('is an option, off by default', () => {
		const options = new FaithFlowTrigger().description.properties.find((property) => property.name === 'deliveryOptions')?.options as Array<{
			name: string;
			default: unknown;
			type: string;
		}>;
		expect(options.find((option) => option.name === 'attachFullMember')).toMatchObject({ type: 'boolean', default: false });
	});

	it('fetches nothing when the option is off', async () => {
		const h = await start({});
		const body = delivery('member.updated', MEMBER_ID);
		expect((await deliver(h, body)).status).toBe(200);
		expect(payloadOf(h.emitted[0][0].json)).toStrictEqual(JSON.parse(body));
		expect(core.received).toHaveLength(0);
	});

	it.each([
		['member.updated', MEMBER_ID, MEMBER, 'Member updated: 8655d76b-9be0-4681-bd2c-35cd5e09a809'],
		['member.created', NEW_MEMBER.id, NEW_MEMBER, 'Member created: new-member-uuid-here'],
	])('attaches the core API member to %s under member, keeping the payload as sent', async (eventType, memberId, member, message) => {
		const h = await start();
		const body = delivery(eventType, memberId);
		const response = await deliver(h, body);
		// The answer to FaithFlow is the one without the option: nothing fetched goes into it.
		expect(response.json).toStrictEqual({ success: true, message, member_id: memberId });
		expect(h.emitted).toHaveLength(1);
		expect(payloadOf(h.emitted[0][0].json)).toStrictEqual({ ...JSON.parse(body), member });
		expect(core.received).toHaveLength(1);
		expect(core.received[0].url).toBe(`/api/members/${memberId}`);
		expect(core.received[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
	});

	it('answers FaithFlow only once the member is attached and the execution recorded', async () => {
		const h = await start();
		core.hold();
		const body = delivery('member.updated', MEMBER_ID);
		let answered = false;
		const answer = post(h.url, body, signed(body)).then((response) => {
			answered = true;
			return response;
		});
		// The member request reaches the core API, which holds it: nothing is recorded or answered yet.
		await waitFor(() => core.received.length === 1);
		expect(h.emitted).toHaveLength(0);
		expect(answered).toBe(false);
		core.release();
		expect((await answer).status).toBe(200);
		expect(h.emitted[0][0].json.member).toStrictEqual(MEMBER);
	});

	it('skips the fetch for member.deleted: the member is gone', async () => {
		const h = await start();
		const body = delivery('member.deleted', 'deleted-member-uuid');
		expect((await deliver(h, body)).status).toBe(200);
		expect(payloadOf(h.emitted[0][0].json)).toStrictEqual(JSON.parse(body));
		expect(core.received).toHaveLength(0);
	});

	it('skips the fetch for connection tests and for refused deliveries', async () => {
		const h = await start({ attachFullMember: true, emitConnectionTests: true });
		const test = JSON.stringify({ event_type: 'test', church_id: CHURCH });
		expect((await deliver(h, test)).status).toBe(200);
		const forged = delivery('member.updated', MEMBER_ID);
		expect((await deliver(h, forged, { 'content-type': 'application/json', 'x-webhook-signature': opensslHmacHex('forged', forged) })).status).toBe(401);
		expect(h.emitted).toHaveLength(1);
		expect(core.received).toHaveLength(0);
	});

	it('still emits the event, with memberFetchError, when the core API is down', async () => {
		const h = await start({ attachFullMember: true }, { baseUrl: await closedOrigin() });
		const body = delivery('member.updated', MEMBER_ID);
		const response = await deliver(h, body);
		expect(response.status).toBe(200);
		expect(payloadOf(h.emitted[0][0].json)).toStrictEqual({ ...JSON.parse(body), memberFetchError: 'Could not connect to FaithFlow' });
		expect(h.logs.some((line) => line.level === 'warn' && line.message.includes('could not be attached'))).toBe(true);
		expect(everything(h, [response.text])).not.toContain(API_KEY);
		expect(everything(h, [response.text])).not.toContain(SIGNING_SECRET);
	});

	it.each([
		['the core API does not know the member', {}, 'no-such-member', 'Member not found'],
		['the API key is refused', { apiKey: 'revoked-key-0042' }, MEMBER_ID, 'Not authenticated'],
	])('emits memberFetchError when %s, with no secret in it', async (_label, credential, memberId, error) => {
		const h = await start({ attachFullMember: true }, credential);
		const body = delivery('member.updated', memberId);
		expect((await deliver(h, body)).status).toBe(200);
		expect(payloadOf(h.emitted[0][0].json)).toStrictEqual({ ...JSON.parse(body), memberFetchError: error });
		for (const secret of [API_KEY, SIGNING_SECRET, 'revoked-key-0042']) expect(everything(h)).not.toContain(secret);
	});

	it('keeps a member field the delivery carries and puts the fetched member under fullMember', async () => {
		const h = await start();
		const body = delivery('member.updated', MEMBER_ID, { member: { name: 'as sent by FaithFlow' } });
		await deliver(h, body);
		expect(payloadOf(h.emitted[0][0].json)).toStrictEqual({ ...JSON.parse(body), fullMember: MEMBER });
	});
});


async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
	const started = Date.now();
	while (!condition()) {
		if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}
