import { RishiTrigger } from '../../nodes/Rishi/RishiTrigger.node';
import { rishi } from '../../nodes/Rishi/definition';
import { post } from '../support/post';
import { opensslHmacHex } from '../support/sign';
import { startTriggerHarness, type TriggerHarness } from '../support/triggerHarness';
import { payloadOf } from '../support/providers';

const SECRET = 'rishi-current-secret';
const PREVIOUS = 'rishi-previous-secret';
const credentials = { type: 'rishiApi', data: { baseUrl: 'http://127.0.0.1:1', apiKey: 'k', signingSecret: SECRET, previousSigningSecret: PREVIOUS } };

function signed(body: string, secret = SECRET, contentType = 'application/json') {
	return { 'content-type': contentType, 'x-rishi-signature': `sha256=${opensslHmacHex(secret, body)}` };
}

describe('Rishi trigger', () => {
	let harness: TriggerHarness;
	afterEach(async () => harness?.close());

	const start = async (parameters: Record<string, unknown> = { events: ['*'] }, creds = credentials) => {
		harness = await startTriggerHarness({ nodeType: new RishiTrigger(), parameters: parameters as never, credentials: creds });
		return harness;
	};

	it.each(rishi.events.map((event) => [event.name, event.sample]))('emits a signed %s delivery as sent', async (_name, sample) => {
		await start();
		const body = JSON.stringify(sample);
		const response = await post(harness.url, body, signed(body));
		expect(response.status).toBe(200);
		expect(response.json).toEqual({ received: true });
		expect(harness.emitted).toHaveLength(1);
		expect(payloadOf(harness.emitted[0][0].json)).toEqual(sample);
	});

	it('verifies the exact bytes, not a re-serialisation, and accepts the previous secret', async () => {
		await start();
		const body = '{ "event" : "booking.confirmed", "data": {"id":"b-1", "amount": 1.0}, "timestamp":"2025-01-16T10:30:01Z" }';
		const response = await post(harness.url, body, signed(body, PREVIOUS));
		expect(response.status).toBe(200);
		expect(harness.emitted[0][0].json).toMatchObject({ event: 'booking.confirmed', data: { id: 'b-1' } });
	});

	it.each([
		['vendor +json', 'application/vnd.rishi+json'],
		['charset', 'application/json; charset=utf-8'],
	])('reads the raw body for %s content types', async (_label, contentType) => {
		await start();
		const body = JSON.stringify(rishi.events[0].sample);
		const response = await post(harness.url, body, signed(body, SECRET, contentType));
		expect(response.status).toBe(200);
		expect(harness.emitted).toHaveLength(1);
	});

	it('reads the raw body when there is no Content-Type at all', async () => {
		await start();
		const body = JSON.stringify(rishi.events[0].sample);
		const { 'x-rishi-signature': signature } = signed(body);
		const response = await post(harness.url, body, { 'x-rishi-signature': signature });
		expect(response.status).toBe(200);
		expect(harness.emitted).toHaveLength(1);
	});

	it.each([
		['forged with another secret', (body: string) => signed(body, 'not-the-secret')],
		['missing signature', () => ({ 'content-type': 'application/json' })],
		['bare hex without the sha256= prefix', (body: string) => ({ 'content-type': 'application/json', 'x-rishi-signature': opensslHmacHex(SECRET, body) })],
		['truncated signature', (body: string) => ({ 'content-type': 'application/json', 'x-rishi-signature': `sha256=${opensslHmacHex(SECRET, body).slice(0, 40)}` })],
	])('answers 401 and emits nothing when %s', async (_label, headersFor) => {
		await start();
		const body = JSON.stringify(rishi.events[0].sample);
		const response = await post(harness.url, body, headersFor(body));
		expect(response.status).toBe(401);
		expect(response.json.error).toBe('Invalid signature');
		expect(harness.emitted).toHaveLength(0);
		expect(response.text).not.toContain(SECRET);
	});

	it('refuses a forged body before parsing it (non-JSON garbage gets 401, not 400)', async () => {
		await start();
		const response = await post(harness.url, 'not json at all', signed('something else'));
		expect(response.status).toBe(401);
	});

	it('answers 400 for an authentic body that is not JSON', async () => {
		await start();
		const response = await post(harness.url, 'not json at all', signed('not json at all'));
		expect(response.status).toBe(400);
		expect(response.json.reason).toBe('not_json');
		expect(harness.emitted).toHaveLength(0);
	});

	it('acknowledges an unselected event with 200 and does not emit it', async () => {
		await start({ events: ['booking.created'] });
		const sample = rishi.events.find((event) => event.name === 'staff.checkin')!.sample;
		const body = JSON.stringify(sample);
		const response = await post(harness.url, body, signed(body));
		expect(response.status).toBe(200);
		expect(harness.emitted).toHaveLength(0);
	});

	it('fails closed with 500 when the credential has no signing secret', async () => {
		await start({ events: ['*'] }, { type: 'rishiApi', data: { baseUrl: 'x', apiKey: 'k', signingSecret: '' } } as never);
		const body = JSON.stringify(rishi.events[0].sample);
		const response = await post(harness.url, body, signed(body, ''));
		expect(response.status).toBe(500);
		expect(harness.emitted).toHaveLength(0);
	});

	it('rejects a schema mismatch with 400 when asked to, and otherwise emits it with the errors', async () => {
		const body = JSON.stringify({ event: 'booking.created', data: { title: 'no id' }, timestamp: 'yesterday' });
		await start({ events: ['*'], deliveryOptions: { invalidPayload: 'reject' } });
		expect((await post(harness.url, body, signed(body))).status).toBe(400);
		await harness.close();
		await start({ events: ['*'] });
		expect((await post(harness.url, body, signed(body))).status).toBe(200);
		expect(harness.emitted[0][0].json._validationErrors).toEqual(
			expect.arrayContaining([expect.objectContaining({ path: 'data.id' })]),
		);
	});

	it('adds redacted headers on request and never logs a secret', async () => {
		await start({ events: ['*'], deliveryOptions: { includeHeaders: true } });
		const body = JSON.stringify(rishi.events[0].sample);
		await post(harness.url, body, signed(body));
		await post(harness.url, body, signed(body, 'wrong'));
		const headers = harness.emitted[0][0].json._headers as Record<string, string>;
		expect(headers['x-rishi-signature']).toBe('[redacted]');
		expect(headers['content-type']).toBe('application/json');
		expect(JSON.stringify(harness.logs)).not.toContain(SECRET);
		expect(harness.logs.some((line) => line.message.includes('refused'))).toBe(true);
	});
});
