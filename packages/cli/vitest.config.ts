import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

// The end-to-end tests run the built bin (dist/cli.js on the built dist of every dependency);
// the global setup builds what is out of date first.
export default mergeConfig(shared, defineConfig({ test: { globalSetup: ['test/global-setup.ts'] } }));
