import type { INodePropertyOptions } from 'n8n-workflow';

import { ALL_EVENTS } from '../pipeline/settings';
import type { ProviderDefinition } from '../provider';

/** A provider's events as options of an Events parameter: "All Events" (described by the caller) first, then the catalogue. */
export function eventOptions(provider: ProviderDefinition, allEventsDescription: string): INodePropertyOptions[] {
	return [
		{ name: 'All Events', value: ALL_EVENTS, description: allEventsDescription },
		...provider.events.map((event) => ({ name: event.name, value: event.name, description: event.description })),
	];
}
