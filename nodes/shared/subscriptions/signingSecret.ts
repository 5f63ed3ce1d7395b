import { randomBytes } from 'node:crypto';

import { nonEmptyString } from '../http/secrets';

/**
 * Which secret a provider signs this trigger's deliveries with, and where it
 * is kept. A secret typed into the credential always wins. Without one, a
 * trigger that registers itself generates a secret, sends it with the
 * subscription and keeps it in the node's static data (n8n saves that with
 * the workflow; a "Listen for test event" session keeps it in memory only),
 * because the provider never shows a secret again.
 */
type StaticData = Record<string, unknown>;

/** Static-data key of a generated secret; absent whenever the credential's secret is the one in use. */
const GENERATED_SECRET = 'webhookSecret';

/** The credential fields every provider credential uses for its signing secrets. */
export interface CredentialSecrets {
	readonly signingSecret?: unknown;
	readonly previousSigningSecret?: unknown;
}

/** A fresh signing secret: 32 random bytes, hex-encoded (64 characters). */
export function generateSigningSecret(): string {
	return randomBytes(32).toString('hex');
}

/** The credential's current secret, when it has one. */
export function credentialSecret(credential: CredentialSecrets | undefined): string | undefined {
	return nonEmptyString(credential?.signingSecret);
}

function generatedSecret(staticData: StaticData): string | undefined {
	return nonEmptyString(staticData[GENERATED_SECRET]);
}

/**
 * The secrets a delivery may be signed with: the credential's current and
 * previous ones; without a current one, the secret generated at registration.
 */
export function secretsToVerifyWith(credential: CredentialSecrets | undefined, staticData: StaticData): string[] {
	const secrets = [credential?.signingSecret, credential?.previousSigningSecret]
		.map(nonEmptyString)
		.filter((secret): secret is string => secret !== undefined);
	const generated = generatedSecret(staticData);
	if (credentialSecret(credential) === undefined && generated !== undefined) secrets.push(generated);
	return secrets;
}

/** The secret to register a subscription with: the credential's, or a new one. */
export function secretToRegister(credentialSecretValue: string | undefined): string {
	return credentialSecretValue ?? generateSigningSecret();
}

/** Records the secret a subscription was just registered with: only a generated one is stored. */
export function rememberRegisteredSecret(staticData: StaticData, credentialSecretValue: string | undefined, secret: string): void {
	if (credentialSecretValue !== undefined) delete staticData[GENERATED_SECRET];
	else staticData[GENERATED_SECRET] = secret;
}

/**
 * Whether the stored subscription was registered with the other kind of
 * secret than the one to use now (a secret was typed into or removed from
 * the credential since): the provider must then be sent the new one.
 */
export function secretSourceChanged(staticData: StaticData, credentialSecretValue: string | undefined): boolean {
	const registeredWithGenerated = generatedSecret(staticData) !== undefined;
	const shouldUseGenerated = credentialSecretValue === undefined;
	return registeredWithGenerated !== shouldUseGenerated;
}

export function forgetGeneratedSecret(staticData: StaticData): void {
	delete staticData[GENERATED_SECRET];
}
