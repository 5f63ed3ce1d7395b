import { sameEvents } from './events';
import { sameUrl } from './normalise';
import type { DesiredSubscription, RemoteSubscription, SubscriptionField } from './types';

/** Fields of `remote` that differ from what the trigger wants. */
export function differencesFrom(desired: DesiredSubscription, remote: RemoteSubscription): SubscriptionField[] {
	const fields: SubscriptionField[] = [];
	if (!sameUrl(remote.url, desired.url)) fields.push('url');
	if (remote.events === undefined || !sameEvents(remote.events, desired.events)) fields.push('events');
	if (!remote.active) fields.push('active');
	return fields;
}

export interface CheckInput {
	/** The subscription id this trigger stored when it registered, if any. */
	readonly storedId?: string;
	readonly desired: DesiredSubscription;
	/** Every subscription the provider lists. */
	readonly remote: readonly RemoteSubscription[];
	/**
	 * Whether the credential holds the signing secret. Only then can a
	 * subscription registered elsewhere (or before a lost database) be adopted:
	 * its secret cannot be read back from the provider.
	 */
	readonly credentialHasSecret: boolean;
	/** The secret the stored subscription was registered with is no longer the one to verify with. */
	readonly secretChanged?: boolean;
}

export type CheckPlan =
	| {
			/** The subscription is exactly right: nothing to send. */
			readonly action: 'keep';
			readonly subscription: RemoteSubscription;
			readonly remove: readonly RemoteSubscription[];
	  }
	| {
			/** Repair it in place (PUT) rather than piling up another one. */
			readonly action: 'update';
			readonly subscription: RemoteSubscription;
			readonly fields: readonly SubscriptionField[];
			readonly adopted: boolean;
			readonly remove: readonly RemoteSubscription[];
	  }
	| {
			/** Nothing usable is registered: let n8n call `create`. */
			readonly action: 'create';
			readonly reason: 'not_registered' | 'gone' | 'secret_unknown';
			readonly remove: readonly RemoteSubscription[];
	  };

function preferred(desired: DesiredSubscription, candidates: readonly RemoteSubscription[]): RemoteSubscription {
	return (
		candidates.find((candidate) => differencesFrom(desired, candidate).length === 0) ??
		candidates.find((candidate) => candidate.active) ??
		candidates[0]
	);
}

/**
 * Decides what `checkExists` does with one list of the provider's
 * subscriptions, so that exactly one subscription serves this webhook URL:
 * - the stored one still exists: keep it, or repair what differs;
 * - it is gone, or none was stored: adopt one registered for this URL when the
 *   credential holds the secret (re-sending that secret), otherwise create;
 * - every other subscription for this URL is removed (its secret is unknown,
 *   so its deliveries could only be refused).
 */
export function planCheck(input: CheckInput): CheckPlan {
	const { desired, remote } = input;
	const stored = input.storedId === undefined ? undefined : remote.find((entry) => entry.id === input.storedId);
	const forThisUrl = remote.filter((entry) => sameUrl(entry.url, desired.url));

	if (stored) {
		const remove = forThisUrl.filter((entry) => entry.id !== stored.id);
		const fields = differencesFrom(desired, stored);
		if (input.secretChanged) fields.push('secret');
		return fields.length === 0
			? { action: 'keep', subscription: stored, remove }
			: { action: 'update', subscription: stored, fields, adopted: false, remove };
	}

	const reason = input.storedId === undefined ? 'not_registered' : 'gone';
	if (forThisUrl.length === 0) return { action: 'create', reason, remove: [] };
	if (!input.credentialHasSecret) return { action: 'create', reason: 'secret_unknown', remove: forThisUrl };

	const adopted = preferred(desired, forThisUrl);
	return {
		action: 'update',
		subscription: adopted,
		fields: [...differencesFrom(desired, adopted), 'secret'],
		adopted: true,
		remove: forThisUrl.filter((entry) => entry.id !== adopted.id),
	};
}
