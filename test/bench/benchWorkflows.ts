/* eslint-disable @n8n/community-nodes/no-restricted-globals -- benchmark tooling runs on a developer machine, not inside n8n */
/**
 * The workflows `npm run bench:n8n` compares, each a start node → NoOp in one
 * n8n, with a builder of one correctly signed request:
 * - ours: Churn Saver and MerajutASA triggers (credential, event filter with
 *   two events selected, zod schema; MerajutASA adds a timestamp and its
 *   replay window), loaded from the packed package;
 * - minimal: the HMAC + zod fixture in test/bench/minimal-trigger, with its
 *   secret in a parameter, and again with it in a credential (n8n's cost of
 *   a credential read per request, which our triggers pay too);
 * - webhook: n8n's own Webhook node (no verification; n8n's fast path).
 * All but MerajutASA receive the same JSON body (a Churn Saver sample); MerajutASA
 * receives its own sample.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';

import { churnSaver } from '../../nodes/ChurnSaver/definition';
import { merajutAsa } from '../../nodes/MerajutAsa/definition';
import type { ProviderDefinition } from '../../nodes/shared/provider';
import type { N8nClient, N8nNode } from '../e2e/harness/client';
import { publishTriggerWorkflow } from '../e2e/harness/triggerWorkflow';
import { triggerCredentialFor } from '../support/providers';
import { buildDelivery } from '../tools/send-event';
import { MINIMAL_SIGNATURE_HEADER } from './minimal-trigger/MinimalBenchTrigger.node';
import type { LoadRequest } from './loadGenerator';

export type SubjectKind = 'ours' | 'minimal' | 'minimal-credential' | 'webhook';

export interface BenchSubject {
	label: string;
	kind: SubjectKind;
	workflowId: string;
	url: string;
	build(): LoadRequest;
}

let sequence = 0;
const nextId = () => `bench_${process.pid}_${++sequence}`;

/** Our trigger for `provider`, its first two events selected; every request carries the first with a fresh delivery id. */
async function ours(n8n: N8nClient, provider: ProviderDefinition, nodeName: string, idField: string): Promise<BenchSubject> {
	const secret = randomBytes(16).toString('hex');
	const [event, other] = provider.events;
	const credential = triggerCredentialFor(provider, { signingSecret: secret });
	const { workflowId, url } = await publishTriggerWorkflow(n8n, {
		name: `bench ${provider.key}`,
		nodeName,
		credentialType: credential.type,
		credentialData: credential.data,
		parameters: { events: [event.name, other.name] },
	});
	return {
		label: `${provider.displayName} (ours)`,
		kind: 'ours',
		workflowId,
		url,
		build: () => buildDelivery(provider, { ...event, sample: { ...event.sample, [idField]: nextId() } }, { url, secret, mode: 'signed', contentType: 'application/json' }),
	};
}

/** The body the minimal trigger and the Webhook node receive: Churn Saver's first sample with a fresh id. */
function plainBody(): string {
	return JSON.stringify({ ...churnSaver.events[0].sample, id: nextId() });
}

async function publishAlone(n8n: N8nClient, name: string, start: Pick<N8nNode, 'type' | 'typeVersion' | 'parameters' | 'webhookId' | 'credentials'>): Promise<{ workflowId: string; url: string }> {
	const workflow = await n8n.createWorkflow({
		name,
		nodes: [
			{ name: 'Start', position: [0, 0], ...start },
			{ name: 'NoOp', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
		],
		connections: { Start: { main: [[{ node: 'NoOp', type: 'main', index: 0 }]] } },
	});
	await n8n.publishWorkflow(workflow.id);
	return { workflowId: workflow.id, url: await n8n.productionWebhookUrl(workflow, 'Start') };
}

async function minimal(n8n: N8nClient, withCredential: boolean): Promise<BenchSubject> {
	const secret = randomBytes(16).toString('hex');
	const name = `bench minimal trigger${withCredential ? ' + credential' : ''}`;
	const credential = withCredential
		? await n8n.api<{ id: string }>('POST', '/credentials', { body: { name, type: churnSaver.signingSecretCredentialName, data: { signingSecret: secret } } })
		: undefined;
	const published = await publishAlone(n8n, name, {
		type: 'CUSTOM.minimalBenchTrigger',
		typeVersion: 1,
		parameters: credential ? { secretFrom: 'credential' } : { secret },
		...(credential ? { credentials: { [churnSaver.signingSecretCredentialName]: { id: credential.id, name } } } : {}),
	});
	return {
		label: withCredential ? 'Minimal trigger + credential' : 'Minimal trigger',
		kind: withCredential ? 'minimal-credential' : 'minimal',
		...published,
		build: () => {
			const body = plainBody();
			const signature = createHmac('sha256', secret).update(body).digest('hex');
			return { body, headers: { 'content-type': 'application/json', [MINIMAL_SIGNATURE_HEADER]: signature } };
		},
	};
}

async function webhookNode(n8n: N8nClient): Promise<BenchSubject> {
	const published = await publishAlone(n8n, 'bench Webhook node', {
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path: `bench-${randomUUID()}`, responseMode: 'onReceived', options: {} },
	});
	return {
		label: 'Webhook node',
		kind: 'webhook',
		...published,
		build: () => ({ body: plainBody(), headers: { 'content-type': 'application/json' } }),
	};
}

/** Publishes the compared workflows in `n8n`: all five, or without the minimal triggers (queue mode, where n8n has no fixture loaded). */
export async function publishBenchSubjects(n8n: N8nClient, options: { minimal: boolean } = { minimal: true }): Promise<BenchSubject[]> {
	return [
		await ours(n8n, churnSaver, 'churnSaverTrigger', 'id'),
		await ours(n8n, merajutAsa, 'merajutAsaTrigger', 'event_id'),
		...(options.minimal ? [await minimal(n8n, false), await minimal(n8n, true)] : []),
		await webhookNode(n8n),
	];
}
