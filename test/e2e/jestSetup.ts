/**
 * Runs before every e2e file: n8n round trips (publish, execute, read back)
 * take seconds, not milliseconds, so hooks and tests get 2 minutes by default.
 */
jest.setTimeout(120_000);
