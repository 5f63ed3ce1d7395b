import { processDelivery } from '../../nodes/shared/pipeline/processDelivery';
import { settingsFrom, type TriggerChoices } from '../../nodes/shared/pipeline/settings';
import { RishiTrigger } from '../../nodes/Rishi/RishiTrigger.node';
import { discoverProviders } from '../support/providers';
import { post } from '../support/post';
import { opensslHmacHex } from '../support/sign';
import { startTriggerHarness } from '../support/triggerHarness';
import { buildDelivery, type SendOptions } from './send-event';

const SECRET = 'sender-secret';
const settings: TriggerChoices = { events: ['*'], secrets: [SECRET], invalidPayload: 'reject', includeHeaders: false, emitConnectionTests: true };

describe.each(discoverProviders().map(({ provider }) => [provider.key, provider] as const))('send-event for %s', (_key, provider) => {
	const event = provider.events[0];
	const scheme = provider.authentication;
	const socketAddress = scheme.kind === 'ip-allowlist' ? scheme.defaultRanges[0].split('/')[0].replace(/\.0$/, '.10') : '203.0.113.9';
	const deliver = (mode: SendOptions['mode']) => {
		const { body, headers } = buildDelivery(provider, event, { url: 'x', secret: SECRET, mode, contentType: 'application/json' });
		return { body, headers, outcome: processDelivery(provider, { rawBody: body, headers, socketAddress, now: new Date() }, settingsFrom(provider, settings)) };
	};

	it('sends a delivery the trigger pipeline accepts, with the catalogue sample as body', () => {
		const { body, outcome } = deliver('signed');
		expect(outcome.action).toBe('emit');
		expect(JSON.parse(body.toString())).toEqual(event.sample);
	});

	if (scheme.kind === 'hmac-sha256') {
		it('signs exactly as openssl does', () => {
			const { body, headers } = deliver('signed');
			const timestamp = scheme.timestamp ? headers[scheme.timestamp.header] : undefined;
			const hex = opensslHmacHex(SECRET, timestamp ? `${timestamp}.${body}` : body);
			expect(headers[scheme.signatureHeader].toLowerCase()).toContain(hex);
		});
		it.each(['forged', 'unsigned'] as const)('sends a %s delivery that is refused', (mode) => {
			const { outcome } = deliver(mode);
			expect(outcome.action).toBe('reject');
		});
	}
	if (scheme.kind === 'hmac-sha256' && scheme.timestamp) {
		it('sends a stale delivery that is refused as stale', () => {
			const { outcome } = deliver('stale');
			expect(outcome.action === 'reject' && outcome.rejection.reason).toBe('stale_timestamp');
		});
	}
});

it('delivers over HTTP to a real trigger', async () => {
	const harness = await startTriggerHarness({
		nodeType: new RishiTrigger(),
		parameters: { events: ['*'] },
		credentials: { type: 'rishiApi', data: { baseUrl: 'http://127.0.0.1:1', apiKey: 'k', signingSecret: SECRET } },
	});
	try {
		const provider = discoverProviders().find((entry) => entry.provider.key === 'rishi')!.provider;
		const { body, headers } = buildDelivery(provider, provider.events[0], { url: harness.url, secret: SECRET, mode: 'signed', contentType: 'application/json' });
		const response = await post(harness.url, body, headers);
		expect(response.status).toBe(200);
		expect(harness.emitted).toHaveLength(1);
	} finally {
		await harness.close();
	}
});
