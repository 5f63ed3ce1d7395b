/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs under jest on a developer machine, not inside n8n */
import { createRequire } from 'node:module';

import type { ICredentialType, INode, INodeParameters, INodeType, INodeTypes, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { credentialsHelperFor, type CredentialStore } from './credentialsHelper';

/**
 * What n8n's server supplies around a node, shared by the trigger, action,
 * lifecycle and credential-test harnesses: the captured log, the node as a
 * workflow stores it, and the additional data (URLs, credentials helper)
 * n8n-core's real contexts read.
 */
export interface LogLine {
	level: string;
	message: string;
	meta?: unknown;
}

// n8n-core carries its own copies of these packages: use exactly the ones it resolves.
const fromCore = createRequire(require.resolve('n8n-core'));
const { Container } = fromCore('@n8n/di') as typeof import('@n8n/di');
const { Logger } = fromCore('@n8n/backend-common') as typeof import('@n8n/backend-common');

/** n8n-core memoises its logger, so one capturing logger writes to whichever run is current. */
let currentLogs: LogLine[] = [];
const capturingLogger = (() => {
	const at = (level: string) => (message: string, meta?: unknown) => currentLogs.push({ level, message, meta });
	const logger = { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
	return Object.assign(logger, { scoped: () => logger, withScope: () => logger });
})();
Container.set(Logger, capturingLogger as unknown as InstanceType<typeof Logger>);

/** Sends n8n-core's log lines to `logs` from now on (every harness shares the one logger). */
export function captureLogs(logs: LogLine[]): void {
	currentLogs = logs;
}

export function nodeTypesOf(nodeType: INodeType): INodeTypes {
	return { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
}

export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? {})) as T;

/**
 * The node as n8n stores it, with one credential reference per credential in
 * `credentials`. Its parameters are completed with their defaults by the
 * Workflow it is put into, as in n8n.
 */
export function nodeOf(
	nodeType: INodeType,
	parameters: INodeParameters,
	credentials: CredentialStore,
	node: Pick<INode, 'id' | 'name'> & Partial<INode>,
): INode {
	const types = Object.keys(credentials);
	return {
		type: `test.${nodeType.description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: clone(parameters),
		...(types.length > 0 ? { credentials: Object.fromEntries(types.map((type) => [type, { id: '1', name: 'Test' }])) } : {}),
		...node,
	};
}

export const N8N_BASE = 'http://localhost:5678';

/** The additional data of one run: n8n's URLs and a credentials helper over `credentials`. */
export function additionalDataFor(
	credentials: CredentialStore,
	credentialTypes: readonly ICredentialType[],
	extra: object = {},
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: credentialsHelperFor(credentials, credentialTypes),
		webhookBaseUrl: `${N8N_BASE}/webhook`,
		webhookTestBaseUrl: `${N8N_BASE}/webhook-test`,
		webhookWaitingBaseUrl: `${N8N_BASE}/webhook-waiting`,
		formWaitingBaseUrl: `${N8N_BASE}/form-waiting`,
		restApiUrl: `${N8N_BASE}/rest`,
		variables: {},
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}
