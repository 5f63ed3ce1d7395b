import {
	isExpression,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IHttpRequestOptions,
	type INode,
	type IRequestOptionsSimplified,
	type Workflow,
} from 'n8n-workflow';

/**
 * The decrypted credentials attached to a node, by credential type name. Each
 * is read on every call, so a test can change it between steps.
 */
export type CredentialStore = Record<string, Record<string, unknown>>;

/**
 * Stands in for n8n's CredentialsHelper (packages/cli/src/credentials-helper.ts),
 * which n8n-core's real `getCredentials` and `httpRequestWithAuthentication`
 * call, reduced to what plain credentials use. Its `authenticate` applies the
 * credential type's declared `authenticate` the way n8n does: a function is
 * called; a `generic` block has each key and value resolved with
 * `$credentials` by the workflow's real expression engine
 * (`workflow.expression.getSimpleParameterValue`, as n8n's `resolveValue`)
 * and set on the request. Nothing here knows a header name: a credential that
 * declares the wrong header fails the tests.
 *
 * `credentialTypes` are the types requests may be authenticated with.
 */
export function credentialsHelperFor(credentials: CredentialStore, credentialTypes: readonly ICredentialType[]) {
	const typeNamed = (name: string) => {
		const type = credentialTypes.find((candidate) => candidate.name === name);
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	};
	const resolve = (value: unknown, data: ICredentialDataDecryptedObject, workflow: Workflow, node: INode): unknown => {
		if (typeof value !== 'string' || !isExpression(value)) return value;
		const resolved = workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: data }, undefined, '');
		return resolved ? String(resolved) : '';
	};
	return {
		getDecrypted: async (_additionalData: unknown, _nodeCredentials: unknown, type: string) => {
			const data = credentials[type];
			if (!data) throw new Error(`No ${type} credential`);
			return { ...data } as ICredentialDataDecryptedObject;
		},
		isCredentialUsableByNode: () => true,
		getParentTypes: () => [] as string[],
		preAuthentication: async () => undefined,
		async authenticate(
			data: ICredentialDataDecryptedObject,
			typeName: string,
			requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
			workflow: Workflow,
			node: INode,
		): Promise<IHttpRequestOptions> {
			const { authenticate } = typeNamed(typeName);
			if (typeof authenticate === 'function') return await authenticate(data, requestOptions as IHttpRequestOptions);
			if (authenticate?.type === 'generic') {
				const options = requestOptions as unknown as Record<string, Record<string, unknown>>;
				for (const [target, entries] of Object.entries(authenticate.properties)) {
					options[target] ??= {};
					for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
						options[target][String(resolve(key, data, workflow, node))] = resolve(value, data, workflow, node);
					}
				}
			}
			return requestOptions as IHttpRequestOptions;
		},
	};
}
