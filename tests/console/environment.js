// jsdom for the console's React tree, plus the Node globals the in-process intake service
// (Fastify, better-sqlite3, fetch) needs, taken from the Node realm that runs jest.
const { TestEnvironment } = require('jest-environment-jsdom');

const NODE_GLOBALS = [
  'fetch', 'Response', 'Request', 'Headers', 'FormData', 'AbortController', 'AbortSignal',
  'TextEncoder', 'TextDecoder', 'ReadableStream', 'WritableStream', 'TransformStream',
  'setImmediate', 'clearImmediate', 'structuredClone', 'BroadcastChannel', 'MessageChannel', 'performance',
];

class ConsoleEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of NODE_GLOBALS) {
      if (globalThis[name] !== undefined) this.global[name] = globalThis[name];
    }
    // jsdom does no layout; Fluent's MessageBar observes its size to reflow.
    if (!this.global.ResizeObserver) {
      this.global.ResizeObserver = class {
        observe() {}
        unobserve() {}
        disconnect() {}
      };
    }
  }
}

module.exports = ConsoleEnvironment;
