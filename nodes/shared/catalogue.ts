import type { ZodTypeAny } from 'zod';

import type { EventDefinition, JsonObject } from './provider';

/** Builds a value for every event name, typed so that none can be forgotten. */
export function forEachEvent<Name extends string, Value>(
	names: readonly Name[],
	build: (name: Name) => Value,
): Record<Name, Value> {
	const result = {} as Record<Name, Value>;
	for (const name of names) result[name] = build(name);
	return result;
}

/** Joins a provider's descriptions, schemas and samples into its event catalogue. */
export function buildCatalogue<Name extends string>(
	descriptions: Readonly<Record<Name, string>>,
	schemas: Readonly<Record<Name, ZodTypeAny>>,
	samples: Readonly<Record<Name, JsonObject>>,
): EventDefinition[] {
	return (Object.keys(descriptions) as Name[]).map((name) => ({
		name,
		description: descriptions[name],
		schema: schemas[name],
		sample: samples[name],
	}));
}
