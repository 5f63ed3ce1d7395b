/**
 * publishTriggerWorkflow(): the workflow every e2e test of a trigger needs: a
 * credential, the trigger (CUSTOM.<node name>, or <package>.<node name>) → NoOp, published;
 * returns its id and the production URL n8n registered.
 */
import type { N8nClient } from './client';

export interface TriggerWorkflowOptions {
	/** Workflow name; the credential gets the same. */
	name: string;
	/** The trigger's description name, e.g. `churnSaverTrigger`. */
	nodeName: string;
	credentialType: string;
	credentialData: Record<string, unknown>;
	parameters: Record<string, unknown>;
	/** `CUSTOM` (N8N_CUSTOM_EXTENSIONS, the default) or the package name when installed as a community package. */
	nodeTypePrefix?: string;
}

export interface TriggerWorkflow {
	workflowId: string;
	url: string;
}

export async function publishTriggerWorkflow(n8n: N8nClient, options: TriggerWorkflowOptions): Promise<TriggerWorkflow> {
	const credential = await n8n.createCredential(options.name, options.credentialType, options.credentialData);
	const workflow = await n8n.createWorkflow({
		name: options.name,
		nodes: [
			{
				name: 'Trigger',
				type: `${options.nodeTypePrefix ?? 'CUSTOM'}.${options.nodeName}`,
				typeVersion: 1,
				position: [0, 0],
				parameters: options.parameters,
				credentials: { [options.credentialType]: { id: credential.id, name: options.name } },
			},
			{ name: 'NoOp', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
		],
		connections: { Trigger: { main: [[{ node: 'NoOp', type: 'main', index: 0 }]] } },
	});
	await n8n.publishWorkflow(workflow.id);
	return { workflowId: workflow.id, url: await n8n.productionWebhookUrl(workflow, 'Trigger') };
}
