import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { nonEmptyString } from '../http/secrets';
import { schemeSignatureHeader } from '../pipeline/settings';
import type { ProviderDefinition } from '../provider';

/**
 * The test of a provider's signing-secret credential. There is nothing to
 * call: the provider sends to n8n, not the other way round, so the test says
 * whether the credential holds what a manual set-up needs, and in the words a
 * user acts on. The name is what each trigger class gives as `testedBy`.
 */
export const SIGNING_SECRET_TEST = 'signingSecretIsSet';

/** The verdict on a credential's fields, without n8n. */
export function judgeSigningSecret(provider: ProviderDefinition, data: Record<string, unknown> | undefined): INodeCredentialTestResult {
	const name = provider.displayName;
	const raw = data?.signingSecret;
	const secret = nonEmptyString(raw);
	if (secret === undefined) {
		return { status: 'Error', message: `Enter the signing secret that ${name} signs its webhooks with (the same value in ${name} and here)` };
	}
	if (typeof raw === 'string' && raw.trim() !== raw) {
		return { status: 'Error', message: 'The signing secret starts or ends with a space: remove it, or every signature will fail to match' };
	}
	return {
		status: 'OK',
		message: `Signing secret set. The trigger verifies ${schemeSignatureHeader(provider)} with it; ${name} must sign with the same value.`,
	};
}

/** `methods.credentialTest` of a provider's trigger. */
export function signingSecretCredentialTest(provider: ProviderDefinition) {
	return {
		async [SIGNING_SECRET_TEST](
			this: ICredentialTestFunctions,
			credential: ICredentialsDecrypted,
		): Promise<INodeCredentialTestResult> {
			return judgeSigningSecret(provider, credential.data);
		},
	};
}
