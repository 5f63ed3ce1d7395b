import type { JsonObject } from '../provider';

/** One subscription as the provider lists it, normalised. `raw` is what it sent. */
export interface RemoteSubscription {
	readonly id: string;
	readonly url: string | undefined;
	readonly events: readonly string[] | undefined;
	/** A listing without `active` is taken as active: the spec's examples always send it. */
	readonly active: boolean;
	readonly raw: JsonObject;
}

/** What the trigger wants registered for its webhook URL. */
export interface DesiredSubscription {
	readonly url: string;
	readonly events: readonly string[];
}

export type SubscriptionField = 'url' | 'events' | 'active' | 'secret';
