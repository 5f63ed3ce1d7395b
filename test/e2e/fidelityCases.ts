/**
 * The unit tests' harness (test/support/triggerHarness.ts) stands in for n8n
 * around webhook(). defineHarnessFidelity(target) proves it answers like a real
 * n8n on the cases the unit tests rely on: the same table of Content-Types ×
 * bodies is sent to each trigger through the harness and through the target's
 * shared n8n, and both must give the same status and body (timestamps aside)
 * and record the same number of executions. Run on n8n 2 by
 * harnessFidelity.e2e.ts and on n8n 1.x by n8n1/harnessFidelity.n8n1.ts.
 */
import { randomBytes } from 'node:crypto';

import type { INodeType } from 'n8n-workflow';

import type { ProviderDefinition } from '../../nodes/shared/provider';
import { post, type PostResult } from '../support/post';
import { signedHeaders, triggerCredentialFor } from '../support/providers';
import { startTriggerHarness, type TriggerHarness } from '../support/triggerHarness';
import { getSharedN8n, publishTriggerWorkflow, type N8nInstance, type N8nTarget } from './harness';
import { staticSecretProviderCases, withoutTimes } from './harness/providerCases';

const CONTENT_TYPES = [
	'application/json',
	'application/json; charset=utf-8',
	'application/vnd.provider+json',
	'text/plain',
	'application/x-www-form-urlencoded',
	'multipart/form-data; boundary=----x',
	'application/xml',
	undefined,
];
/** Small enough that "oversized" stays cheap: 10 KiB. */
const MAX_BODY_MIB = 0.01;

interface Row {
	name: string;
	body: string;
	/** Sign with this secret instead of the credential's (a forgery). */
	signWith?: string;
}

function rowsOf(provider: ProviderDefinition): Row[] {
	const sample = JSON.stringify(provider.events[0].sample);
	return [
		{ name: 'valid', body: sample },
		{ name: 'malformed JSON', body: sample.slice(0, -5) },
		{ name: 'XML', body: '<event type="x"/>' },
		{ name: 'empty', body: '' },
		// A forgery only means something where a signature is checked.
		...(provider.authentication.kind === 'hmac-sha256' ? [{ name: 'forged', body: sample, signWith: 'not-the-secret' }] : []),
		{ name: 'oversized', body: JSON.stringify({ ...provider.events[0].sample, padding: 'x'.repeat(20 * 1024) }) },
	];
}

/** Answers compared without the clock: ISO timestamps in bodies become "<time>". */
function comparable(result: PostResult) {
	const body = result.json === undefined ? result.text : withoutTimes(result.json);
	return { status: result.status, body };
}

/** Defines the comparison for every provider on the shared n8n of `target`. */
export function defineHarnessFidelity(target: N8nTarget): void {
	// Rishi registers itself with its API when published; its trigger code path is the same as these.
	describe.each(staticSecretProviderCases())(`%s trigger: the unit-test harness answers like the real n8n ${target.n8nVersion}`, (_name, { folder, provider }) => {
		let n8n: N8nInstance;
		let harness: TriggerHarness;
		let workflowId: string;
		let n8nUrl: string;
		const secret = randomBytes(16).toString('hex');
		const event = provider.events[0];
		const ipParameters = provider.authentication.kind === 'ip-allowlist' ? { allowedIpRanges: '127.0.0.1/32' } : {};
		const parameters = { events: ['*'], ...ipParameters, deliveryOptions: { maxBodySize: MAX_BODY_MIB } };

		beforeAll(async () => {
			n8n = getSharedN8n(target);
			const module = (await import(`../../nodes/${folder}/${folder}Trigger.node`)) as Record<string, new () => INodeType>;
			const nodeType = new (Object.values(module)[0])();
			const { type: credentialType, data } = triggerCredentialFor(provider, { signingSecret: secret });
			harness = await startTriggerHarness({ nodeType, parameters, credentials: { type: credentialType, data } });
			({ workflowId, url: n8nUrl } = await publishTriggerWorkflow(n8n, {
				name: `e2e fidelity ${provider.key}`,
				nodeName: nodeType.description.name,
				credentialType,
				credentialData: data,
				parameters,
			}));
		});

		afterAll(async () => {
			await harness?.close();
			await n8n?.deactivateWorkflow(workflowId).catch(() => undefined);
		});

		it('gives the same status and body for every Content-Type × body, and records the same deliveries', async () => {
			const differences: string[] = [];
			let accepted = 0;
			for (const contentType of CONTENT_TYPES) {
				for (const row of rowsOf(provider)) {
					const send = (url: string) => {
						const headers: Record<string, string> = {
							...signedHeaders(provider, row.body, row.signWith ?? secret),
							...(provider.deliveryHeaders?.(event, event.sample) ?? {}),
						};
						if (contentType === undefined) delete headers['content-type'];
						else headers['content-type'] = contentType;
						return post(url, row.body, headers);
					};
					const viaHarness = comparable(await send(harness.url));
					const viaN8n = comparable(await send(n8nUrl));
					if (viaN8n.status === 200) accepted++;
					if (JSON.stringify(viaHarness) !== JSON.stringify(viaN8n)) {
						differences.push(`${row.name} as ${contentType ?? '(none)'}: harness ${JSON.stringify(viaHarness)}, n8n ${JSON.stringify(viaN8n)}`);
					}
				}
			}
			expect(differences).toEqual([]);
			// Valid and authentic under every Content-Type: one delivery each, through both.
			expect(accepted).toBe(CONTENT_TYPES.length);
			expect(harness.emitted).toHaveLength(accepted);
			const executions = await n8n.waitForExecutions(workflowId, accepted);
			expect(executions).toHaveLength(accepted);
		});
	});
}
