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
 * Stands in for n8n's CredentialsHelper (packages/cli/src/credentials-helper.ts),
 * which n8n-core's real `httpRequestWithAuthentication` calls. Its
 * `authenticate` applies the credential type's declared `authenticate` the way
 * n8n does: a function is called; a `generic` block has each key and value
 * resolved with `$credentials` by the workflow's real expression engine
 * (`workflow.expression.getSimpleParameterValue`, as n8n's `resolveValue`)
 * and set on the request. Nothing here knows a header name: a credential that
 * declares the wrong header fails the tests.
 *
 * `credentials` is read on every call, so a test can change it between steps.
 */
export function credentialsHelperFor(credentialType: ICredentialType, credentials: Record<string, unknown>) {
	const resolve = (value: string, data: ICredentialDataDecryptedObject, workflow: Workflow, node: INode): string => {
		if (!isExpression(value)) return value;
		const resolved = workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: data }, undefined, '');
		return resolved ? String(resolved) : '';
	};
	return {
		getDecrypted: async () => ({ ...credentials }) as ICredentialDataDecryptedObject,
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
			if (typeName !== credentialType.name) throw new Error(`Unexpected credential type ${typeName}`);
			const { authenticate } = credentialType;
			if (typeof authenticate === 'function') return await authenticate(data, requestOptions as IHttpRequestOptions);
			if (authenticate?.type === 'generic') {
				const options = requestOptions as unknown as Record<string, Record<string, string>>;
				for (const [target, entries] of Object.entries(authenticate.properties)) {
					options[target] ??= {};
					for (const [key, value] of Object.entries(entries as Record<string, string>)) {
						options[target][resolve(key, data, workflow, node)] = resolve(value, data, workflow, node);
					}
				}
			}
			return requestOptions as IHttpRequestOptions;
		},
	};
}
