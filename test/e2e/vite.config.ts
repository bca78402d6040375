// The demo's dev server for the end-to-end run: the project's own config, with file watching and
// HMR off, so an edit made elsewhere while the run is going cannot reload the page under test.
import { defineConfig, mergeConfig, type ConfigEnv, type UserConfig } from 'vite';
import base from '../../vite.config';

export default defineConfig((env: ConfigEnv) =>
  mergeConfig(base(env) as UserConfig, {
    server: { hmr: false, watch: null },
    clearScreen: false,
    logLevel: 'warn',
  } satisfies UserConfig),
);
