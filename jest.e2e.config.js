/**
 * End-to-end suite: drives a real n8n 2.x (pinned, Node 24) with this package installed as a
 * community package. Run: bash scripts/node24.sh npx jest -c jest.e2e.config.js
 * globalSetup provisions n8n once (cold ~6 min, then cached in .cache/) and builds dist/.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
	},
	globalSetup: '<rootDir>/test/e2e/globalSetup.ts',
	globalTeardown: '<rootDir>/test/e2e/globalTeardown.ts',
	// Each file starts its own n8n (~10 s, a few hundred MB); on 2 cores one at a time is fastest.
	maxWorkers: 1,
	testTimeout: 120000,
	slowTestThreshold: 30,
};
