/**
 * Every provider's trigger inside a real n8n, loaded from the packed package:
 * published workflows, deliveries over n8n's own HTTP stack, executions read
 * back through n8n's public API.
 */
import { randomBytes } from 'node:crypto';

import type { EventDefinition } from '../../nodes/shared/provider';
import { post } from '../support/post';
import type { SendOptions } from '../tools/send-event';
import { getSharedN8n, type N8nInstance } from './harness';
import { providerDelivery, publishProviderTrigger, staticSecretProviderCases, statusFor, triggerOutput } from './harness/providerCases';

// Rishi registers itself with its API on activation; it has its own e2e file with a fake Rishi API.
const cases = staticSecretProviderCases();

describe.each(cases)('%s trigger in a real n8n', (_name, entry) => {
	const { provider } = entry;
	let n8n: N8nInstance;
	let workflowId: string;
	let url: string;
	const secret = randomBytes(16).toString('hex');
	const selected = provider.events.slice(0, 2);
	const unselected = provider.events.find((event) => !selected.includes(event)) as EventDefinition;
	const isSigned = provider.authentication.kind === 'hmac-sha256';
	let accepted = 0;

	const send = async (event: EventDefinition, mode: SendOptions['mode'], extra: Partial<SendOptions> = {}) => {
		const { body, headers } = providerDelivery(provider, event, { url, secret, mode, contentType: 'application/json', ...extra });
		return await post(url, body, headers);
	};

	beforeAll(async () => {
		n8n = getSharedN8n();
		({ workflowId, url } = await publishProviderTrigger(n8n, entry, {
			name: `e2e ${provider.key}`,
			secret,
			events: selected.map((event) => event.name),
		}));
	});

	afterAll(async () => {
		if (workflowId) await n8n.deleteWorkflow(workflowId).catch(() => undefined);
	});

	it('emits each selected event exactly as sent', async () => {
		for (const event of selected) {
			const response = await send(event, 'signed');
			expect(response.status).toBeGreaterThanOrEqual(200);
			expect(response.status).toBeLessThan(300);
			accepted++;
		}
		const executions = await n8n.waitForExecutions(workflowId, accepted);
		const outputs = executions.map(triggerOutput);
		for (const event of selected) expect(outputs).toContainEqual(event.sample);
	});

	it.each([
		['with a charset', 'application/json; charset=utf-8'],
		['as a vendor +json type', 'application/vnd.provider+json'],
		['without a Content-Type', ''],
	])('verifies a delivery sent %s', async (_label, contentType) => {
		const response = await send(selected[0], 'signed', { contentType });
		expect(response.status).toBeLessThan(300);
		accepted++;
		await n8n.waitForExecutions(workflowId, accepted);
	});

	it('acknowledges an unselected event and refuses forged, stale and unsigned deliveries without an execution', async () => {
		const unselectedResponse = await send(unselected, 'signed');
		expect(unselectedResponse.status).toBeLessThan(300);
		if (isSigned) {
			expect((await send(selected[0], 'forged')).status).toBe(statusFor(provider, 'signature_mismatch'));
			expect((await send(selected[0], 'unsigned')).status).toBe(statusFor(provider, 'missing_signature'));
			const scheme = provider.authentication;
			if (scheme.kind === 'hmac-sha256' && scheme.timestamp) {
				expect((await send(selected[0], 'stale')).status).toBe(statusFor(provider, 'stale_timestamp'));
			}
		} else {
			expect((await send(selected[0], 'signed', { forwardedFor: '198.51.100.7' })).status).toBe(
				statusFor(provider, 'ip_not_allowed'),
			);
		}
		const notJson = await post(url, 'not json', { 'content-type': 'application/json' });
		expect(notJson.status).toBeGreaterThanOrEqual(400);
		// Refusals answer before an execution could start, so a stray one would appear
		// later. Instead of a pause, a barrier: one more accepted delivery, sent after every
		// refusal was answered. Once its execution is recorded and finished, a stray
		// execution of an earlier request would be listed too.
		const barrier = await send(selected[0], 'signed');
		expect(barrier.status).toBeLessThan(300);
		accepted++;
		await n8n.waitForExecutions(workflowId, accepted);
		expect((await n8n.listExecutions(workflowId, { includeData: false })).length).toBe(accepted);
	});
});
