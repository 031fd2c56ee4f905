// jsdom for component tests that also run the real API and its database in-process (testing/api.tsx):
// files are transformed for Node (Vite's "ssr" environment), so `new URL(path, import.meta.url)` keeps
// pointing at files rather than at jsdom's http://localhost, and Node's Blob stays (PGlite loads its
// template from one; jsdom's has no arrayBuffer), and so does Node's Uint8Array (PGlite takes a bytea
// parameter only as one, and Node's Buffer is one).
import { Blob as NodeBlob } from 'node:buffer'
import { builtinEnvironments, type Environment } from 'vitest/runtime'

const jsdom = builtinEnvironments.jsdom
const NodeUint8Array = Uint8Array

export default {
  ...jsdom,
  name: 'jsdom-node',
  viteEnvironment: 'ssr',
  async setup(global, options) {
    const environment = await jsdom.setup(global, options)
    global.Blob = NodeBlob
    global.Uint8Array = NodeUint8Array
    return environment
  },
} satisfies Environment
