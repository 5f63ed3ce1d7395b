/* eslint-disable @n8n/community-nodes/require-node-api-error, @typescript-eslint/no-explicit-any -- test code runs under jest on a developer machine, not inside n8n */
/**
 * Talking to a running n8n: 2.40.7 by default, 1.123.x with its target's
 * options (targets.ts: `activation`, `credentialDefaults`) where the two differ.
 * Owner setup, login, API keys, credentials, workflows and executions are
 * called the same way on both.
 *
 * Workflows and executions go through the PUBLIC API (/api/v1, X-N8N-API-KEY).
 * The internal REST API (/rest, cookie `n8n-auth`) is used only where the
 * public one has nothing: owner setup, login and API-key creation, the
 * publication status of a workflow, and the node-type list (/types/nodes.json).
 *
 * Publishing is asynchronous in 2.40: POST /api/v1/workflows/{id}/publish
 * answers `active: true` at once, and an outbox worker registers the triggers
 * a moment later (until then production webhooks answer 404). publishWorkflow()
 * therefore waits for GET /rest/workflows/{id}/publication-status to say
 * `published` for the new version. With N8N_USE_WORKFLOW_PUBLICATION_SERVICE=false
 * that route answers 404 and /publish and /unpublish activate and deactivate
 * before they answer; but at start such an n8n activates published workflows
 * (calling the triggers' checkExists/create) only after it reports ready, so
 * after a restart wait for the effect you assert, with waitFor().
 */
import { randomUUID } from 'node:crypto';

import { HttpError, cookieFrom, http, type HttpOptions } from './http';
import type { N8nTarget } from './targets';
import { waitFor } from './wait';
import { readWebhookEntities, type WebhookEntity } from './webhooks';

export interface OwnerCredentials {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

/** Owner of harness-made instances (n8n wants 8-64 characters, a digit and an upper-case letter). */
export const DEFAULT_OWNER: OwnerCredentials = {
	email: 'owner@example.com',
	password: 'E2e-Password-1',
	firstName: 'E2E',
	lastName: 'Owner',
};

/** Creates the instance owner; false when an owner already exists. */
export async function setupOwner(baseUrl: string, owner: OwnerCredentials = DEFAULT_OWNER): Promise<boolean> {
	const result = await http('POST', `${baseUrl}/rest/owner/setup`, { body: owner, accept: [200, 400] });
	if (result.status === 200) return true;
	if (/already/i.test(result.text)) return false;
	throw new HttpError('POST', `${baseUrl}/rest/owner/setup`, result.status, result.text);
}

/** Logs in and returns the value for a Cookie header (`n8n-auth=...`). */
export async function login(baseUrl: string, owner: Pick<OwnerCredentials, 'email' | 'password'> = DEFAULT_OWNER): Promise<string> {
	const result = await http('POST', `${baseUrl}/rest/login`, {
		body: { emailOrLdapLoginId: owner.email, password: owner.password },
	});
	const token = cookieFrom(result.headers, 'n8n-auth');
	if (!token) throw new Error(`POST ${baseUrl}/rest/login set no n8n-auth cookie`);
	return `n8n-auth=${token}`;
}

/** Creates a public-API key with every scope the owner may grant; returns the raw key. */
export async function createApiKey(baseUrl: string, cookie: string, label = `e2e-${Date.now()}`): Promise<string> {
	const scopes = (await http<{ data: string[] }>('GET', `${baseUrl}/rest/api-keys/scopes`, { headers: { cookie } })).json.data;
	const created = await http<{ data: { rawApiKey: string } }>('POST', `${baseUrl}/rest/api-keys`, {
		headers: { cookie },
		body: { label, scopes, expiresAt: null },
	});
	return created.json.data.rawApiKey;
}

export interface N8nNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	webhookId?: string;
	credentials?: Record<string, { id: string; name: string }>;
	[key: string]: unknown;
}

export interface WorkflowInput {
	name: string;
	nodes: N8nNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
}

export interface N8nWorkflow extends WorkflowInput {
	id: string;
	active: boolean;
	versionId?: string;
	activeVersionId?: string | null;
	[key: string]: unknown;
}

export interface N8nExecution {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	finished: boolean;
	startedAt: string;
	stoppedAt: string | null;
	data?: {
		resultData: {
			runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: any; binary?: unknown }> | null> }; error?: unknown }>>;
			error?: unknown;
		};
		[key: string]: unknown;
	};
	[key: string]: unknown;
}

export interface PublicationStatus {
	status: 'published' | 'partial' | 'failed' | 'in_progress' | 'not_published';
	liveVersionId: string | null;
	pendingVersionId: string | null;
	triggers: Array<{ nodeId: string; status: string; errorMessage: string | null }>;
}

export interface NodeTypeDescription {
	name: string;
	displayName: string;
	version: number | number[];
	group: string[];
	webhooks?: Array<{ name: string; httpMethod: string; path: string; isFullPath?: boolean }>;
	[key: string]: unknown;
}

export interface N8nClientOptions {
	baseUrl: string;
	apiKey: string;
	/** `n8n-auth=...`, for the few calls only the internal REST API offers. */
	cookie: string;
	/** The instance's N8N_USER_FOLDER, to read webhook_entity. */
	userFolder?: string;
	/** The n8n install (its Node and sqlite3 read webhook_entity); default: n8n 2's. */
	installDir?: string;
	/** How this n8n turns workflows on (targets.ts); default `publish` (n8n 2). */
	activation?: N8nTarget['activation'];
	/** Fields this n8n's public API wants in every credential's data (targets.ts). */
	credentialDefaults?: Record<string, unknown>;
}

const SETTLED = (execution: N8nExecution) => !['new', 'running'].includes(execution.status);

/** True for node types that get a webhookId (and so a `/<webhookId>/...` URL) when the editor adds them. */
function needsWebhookId(type: string): boolean {
	return type === 'n8n-nodes-base.webhook' || /Trigger$/.test(type);
}

export class N8nClient {
	constructor(public options: N8nClientOptions) {}

	get baseUrl(): string {
		return this.options.baseUrl;
	}

	get apiKey(): string {
		return this.options.apiKey;
	}

	/** A public-API call (/api/v1 + path). */
	async api<T = any>(method: string, apiPath: string, options: HttpOptions = {}): Promise<T> {
		const result = await http<T>(method, `${this.baseUrl}/api/v1${apiPath}`, {
			...options,
			headers: { 'X-N8N-API-KEY': this.apiKey, ...options.headers },
		});
		return result.json;
	}

	/** An internal-REST call with the owner's cookie (path includes /rest or /types). */
	async rest<T = any>(method: string, restPath: string, options: HttpOptions = {}): Promise<T> {
		const result = await http<T>(method, `${this.baseUrl}${restPath}`, {
			...options,
			headers: { cookie: this.options.cookie, ...options.headers },
		});
		return result.json;
	}

	/**
	 * Creates a workflow from editor-style JSON (only name, nodes, connections and
	 * settings are sent). Nodes without an id get one; webhook and *Trigger nodes
	 * without a webhookId get one, as the editor would give them.
	 */
	async createWorkflow(workflow: WorkflowInput): Promise<N8nWorkflow> {
		const nodes = workflow.nodes.map((node) => ({
			...node,
			id: node.id ?? randomUUID(),
			...(node.webhookId === undefined && needsWebhookId(node.type) ? { webhookId: randomUUID() } : {}),
		}));
		return await this.api<N8nWorkflow>('POST', '/workflows', {
			body: {
				name: workflow.name,
				nodes,
				connections: workflow.connections,
				settings: workflow.settings ?? { executionOrder: 'v1' },
			},
		});
	}

	/** Creates a credential through the public API; returns its id. */
	async createCredential(name: string, type: string, data: Record<string, unknown>): Promise<{ id: string; name: string }> {
		return await this.api<{ id: string; name: string }>('POST', '/credentials', {
			body: { name, type, data: { ...this.options.credentialDefaults, ...data } },
		});
	}

	async getWorkflow(id: string): Promise<N8nWorkflow> {
		return await this.api<N8nWorkflow>('GET', `/workflows/${id}`);
	}

	async deleteWorkflow(id: string): Promise<void> {
		await this.api('DELETE', `/workflows/${id}`);
	}

	/** GET /rest/workflows/{id}/publication-status; undefined where n8n has no publication service. */
	async publicationStatus(id: string): Promise<PublicationStatus | undefined> {
		try {
			return (await this.rest<{ data: PublicationStatus }>('GET', `/rest/workflows/${id}/publication-status`)).data;
		} catch (error) {
			if (error instanceof HttpError && error.status === 404 && /not available/i.test(error.body)) return undefined;
			throw error;
		}
	}

	/**
	 * Publishes (activates) a workflow and waits until its triggers are live.
	 * Uses /publish, or /activate on an n8n without it; throws with n8n's reason
	 * when a trigger fails to activate.
	 */
	async publishWorkflow(id: string, timeoutMs = 60_000): Promise<N8nWorkflow> {
		// n8n 1.x: /activate registers the triggers before it answers (or answers 400 with the reason).
		if (this.options.activation === 'activate') return await this.api<N8nWorkflow>('POST', `/workflows/${id}/activate`, { body: {} });
		const workflow = await this.postWithFallback(id, 'publish', 'activate');
		const version = workflow.activeVersionId ?? workflow.versionId;
		const nameOf = (nodeId: string) => workflow.nodes?.find((node) => node.id === nodeId)?.name ?? nodeId;
		await waitFor(
			async () => {
				const status = await this.publicationStatus(id);
				if (status && !status.pendingVersionId && (status.status === 'failed' || status.status === 'partial')) {
					const failed = status.triggers.filter((trigger) => trigger.status === 'failed');
					throw new Error(`Publishing workflow ${id} failed: ${failed.map((t) => `node "${nameOf(t.nodeId)}": ${t.errorMessage}`).join('; ')}`);
				}
				return status;
			},
			{
				describe: `workflow ${id} to be published${version ? ` (version ${version})` : ''}`,
				// undefined: no publication service here, and /publish (or /activate) activated before it answered.
				until: (status) => status === undefined || (status.status === 'published' && (!version || status.liveVersionId === version)),
				timeoutMs,
				intervalMs: 200,
			},
		);
		return workflow;
	}

	/** Unpublishes (deactivates) a workflow and waits until its triggers are gone. */
	async deactivateWorkflow(id: string, timeoutMs = 60_000): Promise<N8nWorkflow> {
		// n8n 1.x: /deactivate removes the triggers before it answers.
		if (this.options.activation === 'activate') return await this.api<N8nWorkflow>('POST', `/workflows/${id}/deactivate`, { body: {} });
		const workflow = await this.postWithFallback(id, 'unpublish', 'deactivate');
		await waitFor(() => this.publicationStatus(id), {
			describe: `workflow ${id} to be unpublished`,
			// undefined: no publication service here, and /unpublish (or /deactivate) deactivated before it answered.
			until: (status) => status === undefined || status.status === 'not_published',
			timeoutMs,
			intervalMs: 200,
		});
		return workflow;
	}

	/** POST /workflows/{id}/{action}; on a 404 (an n8n without that route) the older `fallback` route. */
	private async postWithFallback(id: string, action: string, fallback: string): Promise<N8nWorkflow> {
		try {
			return await this.api<N8nWorkflow>('POST', `/workflows/${id}/${action}`, { body: {} });
		} catch (error) {
			if (!(error instanceof HttpError && error.status === 404)) throw error;
			try {
				return await this.api<N8nWorkflow>('POST', `/workflows/${id}/${fallback}`, { body: {} });
			} catch {
				throw error;
			}
		}
	}

	/** All executions of a workflow, newest first (public API, paginated). */
	async listExecutions(workflowId: string, options: { includeData?: boolean } = {}): Promise<N8nExecution[]> {
		const includeData = options.includeData ?? true;
		const all: N8nExecution[] = [];
		let cursor: string | undefined;
		do {
			const query = new URLSearchParams({ workflowId, includeData: String(includeData), limit: '250' });
			if (cursor) query.set('cursor', cursor);
			const page = await this.api<{ data: N8nExecution[]; nextCursor: string | null }>('GET', `/executions?${query}`);
			all.push(...page.data);
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		return all;
	}

	/**
	 * How many executions n8n holds for the workflow, whatever their status.
	 * Internal REST with every status named: the public API leaves out the
	 * running ones, and without a status filter n8n counts only finished ones.
	 */
	async countExecutions(workflowId: string): Promise<number> {
		const status = ['new', 'running', 'success', 'error', 'crashed', 'waiting', 'canceled', 'unknown'];
		const filter = encodeURIComponent(JSON.stringify({ workflowId, status }));
		return (await this.rest<{ data: { count: number } }>('GET', `/rest/executions?filter=${filter}&limit=1`)).data.count;
	}

	/**
	 * Waits until the workflow has at least `count` finished executions (any
	 * status but new/running) and returns them with their data, newest first.
	 */
	async waitForExecutions(workflowId: string, count: number, timeoutMs = 30_000): Promise<N8nExecution[]> {
		await waitFor(() => this.listExecutions(workflowId, { includeData: false }), {
			describe: `${count} finished execution(s) of workflow ${workflowId}`,
			until: (executions) => executions.filter(SETTLED).length >= count,
			show: (executions) => `${executions.length} execution(s) (${executions.map((e) => e.status).join(', ') || 'none'})`,
			timeoutMs,
		});
		return (await this.listExecutions(workflowId, { includeData: true })).filter(SETTLED);
	}

	/** n8n's webhook_entity rows of a workflow (needs options.userFolder). */
	async webhookEntities(workflowId: string): Promise<WebhookEntity[]> {
		if (!this.options.userFolder) throw new Error('webhookEntities() needs the instance user folder');
		return await readWebhookEntities(this.options.userFolder, workflowId, this.options.installDir);
	}

	/**
	 * The production URL of a published workflow's webhook node, as n8n
	 * registered it: `${baseUrl}/webhook/${webhookPath}` from webhook_entity.
	 * (For our triggers `${baseUrl}/webhook/<node.webhookId>/webhook`; for the
	 * built-in Webhook node `${baseUrl}/webhook/<path parameter>`.)
	 */
	async productionWebhookUrl(workflow: N8nWorkflow | string, nodeName: string): Promise<string> {
		const workflowId = typeof workflow === 'string' ? workflow : workflow.id;
		const rows = (await this.webhookEntities(workflowId)).filter((row) => row.node === nodeName);
		if (rows.length === 0) {
			throw new Error(`n8n has no production webhook for node "${nodeName}" of workflow ${workflowId}: is it published?`);
		}
		return `${this.baseUrl}/webhook/${rows[0].webhookPath}`;
	}

	/** Every node type n8n loaded (GET /types/nodes.json, about 17 MB; needs the login cookie in 2.40). */
	async nodeTypes(): Promise<NodeTypeDescription[]> {
		return await this.rest<NodeTypeDescription[]>('GET', '/types/nodes.json', { timeoutMs: 120_000 });
	}

	/** Node types loaded from N8N_CUSTOM_EXTENSIONS: registered as `CUSTOM.<nodeName>`. */
	async customNodeTypes(): Promise<NodeTypeDescription[]> {
		return (await this.nodeTypes()).filter((type) => type.name.startsWith('CUSTOM.'));
	}
}
