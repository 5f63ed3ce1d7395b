/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code runs under jest on a developer machine, not inside n8n */
import { NodeApiError } from 'n8n-workflow';

import { FaithTrackerApi } from '../../credentials/FaithTrackerApi.credentials';
import { FaithFlowTrigger } from '../../nodes/FaithFlow/FaithFlowTrigger.node';
import { FaithTracker } from '../../nodes/FaithFlow/FaithTracker/FaithTracker.node';
import { tryAction } from '../support/actionHarness';
import { startTriggerHarness, type TriggerHarness } from '../support/triggerHarness';
import { payloadOf } from '../support/providers';

/**
 * Our two halves agree: the FaithTracker action (n8n as FaithFlow) sends to
 * our own FaithFlow trigger (n8n as FaithTracker), driven by the shared
 * trigger harness, and each event is accepted, answered and emitted.
 */
const SECRET = 'TFRuCW5KkeGC_YF_wrBL-round-trip-secret';
const CHURCH = '3880a17d-f858-4622-87c2-96eaa7b25c83';

let harness: TriggerHarness;
beforeEach(async () => {
	harness = await startTriggerHarness({
		nodeType: new FaithFlowTrigger(),
		parameters: { events: ['*'] },
		credentials: { type: 'faithFlowSigningSecretApi', data: { signingSecret: SECRET } },
	});
});
afterEach(async () => harness.close());

function sendTo(parameters: Record<string, unknown>, secret = SECRET) {
	return tryAction({
		nodeType: new FaithTracker(),
		parameters: { churchId: CHURCH, ...parameters } as never,
		credentialType: new FaithTrackerApi(),
		credentials: { webhookUrl: harness.url, webhookSecret: secret, churchId: '' },
	});
}

describe('FaithTracker action -> FaithFlow trigger', () => {
	it.each([
		['member.created', 'created'],
		['member.updated', 'updated'],
		['member.deleted', 'deleted'],
	])('%s is accepted, answered like FaithTracker and emitted as sent', async (event, action) => {
		const run = await sendTo({ resource: 'memberEvent', operation: 'send', event, memberId: 'm-42', options: { timestamp: '2025-11-20T01:40:00Z' } });
		expect(run.error).toBeUndefined();
		expect(run.output?.[0].json).toEqual({ success: true, message: `Member ${action}: m-42`, member_id: 'm-42' });
		expect(harness.emitted).toHaveLength(1);
		expect(payloadOf(harness.emitted[0][0].json)).toStrictEqual({ event_type: event, church_id: CHURCH, member_id: 'm-42', timestamp: '2025-11-20T01:40:00Z' });
	});

	it('non-ASCII values arrive intact after the \\u escapes', async () => {
		const run = await sendTo({ resource: 'memberEvent', operation: 'send', event: 'member.updated', memberId: 'Ünal-你好-😀', options: { idField: 'campus_id' } });
		expect(run.error).toBeUndefined();
		expect(harness.emitted[0][0].json).toMatchObject({ event_type: 'member.updated', campus_id: CHURCH, member_id: 'Ünal-你好-😀' });
	});

	it('the connection test is answered with success and not emitted', async () => {
		const run = await sendTo({ resource: 'connection', operation: 'test' });
		expect(run.output?.[0].json).toMatchObject({
			success: true,
			message: 'Webhook test successful! FaithTracker is ready to receive member updates.',
		});
		expect(harness.emitted).toHaveLength(0);
	});

	it("a secret that differs from the trigger's is refused, and the node says why", async () => {
		const run = await sendTo({ resource: 'memberEvent', operation: 'send', event: 'member.updated', memberId: 'm-42' }, 'another-secret-entirely');
		expect(run.error).toBeInstanceOf(NodeApiError);
		expect(run.error?.message).toBe('Invalid webhook signature');
		expect(run.error?.httpCode).toBe('401');
		expect(harness.emitted).toHaveLength(0);
	});
});
