// Loads @prisma/schema-engine-wasm. Its package entry imports the .wasm file as an ES module,
// which Node 20 refuses, so the glue code is wired to a module compiled here.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/** The message of the last Rust panic inside the engine; the wasm build reports it through this global. */
export const panics = { last: /** @type {string | undefined} */ (undefined) }

/** @returns {Promise<typeof import('@prisma/schema-engine-wasm')>} */
export async function loadWasmSchemaEngine() {
  Object.assign(globalThis, {
    PRISMA_WASM_PANIC_REGISTRY: {
      set_message(/** @type {string} */ message) {
        panics.last = message
      },
    },
  })
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')
  const glue = await import('@prisma/schema-engine-wasm/schema_engine_bg')
  // Node's global WebAssembly, which the ES2023 library types do not describe.
  const { WebAssembly } = /** @type {any} */ (globalThis)
  const module = new WebAssembly.Module(readFileSync(gluePath.replace(/\.js$/, '.wasm')))
  const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': glue })
  const exports = /** @type {any} */ (instance.exports)
  glue.__wbg_set_wasm(exports)
  exports.__wbindgen_start()
  return /** @type {any} */ (glue)
}
