import type { INodePropertyOptions } from 'n8n-workflow';

import { ALL_EVENTS } from '../pipeline/settings';
import type { ProviderDefinition } from '../provider';

/**
 * The nodes panel lists a trigger's events as "On <event>", lower-casing the
 * option's name unless the option gives its own `action`: this one keeps the
 * provider's acronyms in capitals ("On CSR program milestone achieved").
 */
export function eventAction(provider: ProviderDefinition, eventName: string): string {
	const acronyms = new Set(provider.acronyms ?? []);
	const words = eventName.split(/[._]+/).map((word) => (acronyms.has(word) ? word.toUpperCase() : word));
	return `On ${words.join(' ')}`;
}

/** A provider's events as options of an Events parameter: "All Events" (described by the caller) first, then the catalogue. */
export function eventOptions(provider: ProviderDefinition, allEventsDescription: string): INodePropertyOptions[] {
	return [
		{ name: 'All Events', value: ALL_EVENTS, description: allEventsDescription },
		...provider.events.map((event) => ({
			name: event.name,
			value: event.name,
			description: event.description,
			action: eventAction(provider, event.name),
		})),
	];
}
