/**
 * While the editor listens for a test event (n8n's manual mode), a delivery
 * that starts nothing still gets the provider's answer, and its report is the
 * test execution's one item, so the user sees why; production emits nothing.
 */
import type { INodeParameters, INodeType } from 'n8n-workflow';

import type { ProviderDefinition } from '../../nodes/shared/provider';
import { reject } from '../../nodes/shared/verification/verdict';
import { post } from '../support/post';
import { discoverProviders, signedHeaders, triggerSecretCredential } from '../support/providers';
import { startTriggerHarness, type TriggerHarness } from '../support/triggerHarness';

const SECRET = 'test-mode-secret';

async function triggerOf(folder: string): Promise<INodeType> {
	const module = (await import(`../../nodes/${folder}/${folder}Trigger.node`)) as Record<string, new () => INodeType>;
	return new (Object.values(module)[0])();
}

/** Signed with the wrong secret, or (for an unsigned scheme) sent from loopback, which the default allowlist leaves out. */
function forgedHeaders(provider: ProviderDefinition, body: string): Record<string, string> {
	return { ...signedHeaders(provider, body, 'not-the-secret'), ...(provider.deliveryHeaders?.(provider.events[0], provider.events[0].sample) ?? {}) };
}

describe.each(discoverProviders().map((entry) => [entry.provider.displayName, entry] as const))(
	'%s trigger while listening for a test event',
	(_name, { folder, provider }) => {
		let harness: TriggerHarness | undefined;
		const event = provider.events[0];
		const body = JSON.stringify(event.sample);
		const forgedReason = provider.authentication.kind === 'hmac-sha256' ? 'signature_mismatch' : 'ip_not_allowed';

		const start = async (mode: 'webhook' | 'manual', parameters: INodeParameters = { events: ['*'] }) => {
			const nodeType = await triggerOf(folder);
			const type = triggerSecretCredential(provider);
			harness = await startTriggerHarness({
				nodeType,
				parameters,
				credentials: { type, data: { baseUrl: 'http://127.0.0.1:9', apiKey: 'unused', signingSecret: SECRET } },
				mode,
			});
			return harness;
		};
		afterEach(async () => {
			await harness?.close();
			harness = undefined;
		});

		it('answers a forged delivery as in production and emits one item saying why and what to do', async () => {
			const h = await start('manual');
			const response = await post(h.url, body, forgedHeaders(provider, body));
			const expected = provider.replies.rejected(reject(forgedReason, ''));
			expect({ status: response.status, body: response.json }).toEqual(expected);
			expect(h.emitted).toHaveLength(1);
			expect(h.emitted[0]).toHaveLength(1);
			const item = h.emitted[0][0].json;
			expect(item).toMatchObject({ refused: true, status: expected.status, reason: forgedReason });
			expect(String(item.hint)).toMatch(forgedReason === 'signature_mismatch' ? /Signing Secret/ : /Allowed IP Ranges/);
			expect(JSON.stringify(item)).not.toContain(SECRET);
		});

		it('emits nothing for the same forged delivery in production', async () => {
			const h = await start('webhook');
			const response = await post(h.url, body, forgedHeaders(provider, body));
			expect(response.status).toBe(provider.replies.rejected(reject(forgedReason, '')).status);
			expect(h.emitted).toHaveLength(0);
		});

		it('reports an event that is not selected, acknowledged as in production', async () => {
			const other = provider.events.find((candidate) => candidate.name !== event.name) ?? event;
			const selected = other === event ? ['some.other.event'] : [other.name];
			const allowlist = provider.authentication.kind === 'ip-allowlist' ? { allowedIpRanges: '127.0.0.1/32' } : {};
			const h = await start('manual', { events: selected, ...allowlist } as INodeParameters);
			const headers = { ...signedHeaders(provider, body, SECRET), ...(provider.deliveryHeaders?.(event, event.sample) ?? {}) };
			const response = await post(h.url, body, headers);
			expect(response.status).toBeGreaterThanOrEqual(200);
			expect(response.status).toBeLessThan(300);
			expect(h.emitted).toHaveLength(1);
			expect(h.emitted[0][0].json).toMatchObject({ refused: false, reason: 'event_not_selected' });
			expect(String(h.emitted[0][0].json.hint)).toContain(event.name);
		});
	},
);
