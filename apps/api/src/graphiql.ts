// GraphiQL from this server's own files: Yoga's default page loads its script from a CDN (unpkg), which a
// Content-Security-Policy of `script-src 'self'` rightly refuses and a closed network cannot reach. The
// Yoga team's bundle (@graphql-yoga/render-graphiql) is served here as plain files under
// /graphql/graphiql/<version>/, with a page that runs no inline script: its options travel as JSON
// data, read by start.js. In production only signed-in users get the page (anonymous ones are sent to
// the console to sign in). Yoga's own GraphiQL plugin is off: it runs before the cookie plugin, so it
// could not tell who is asking.
import { createRequire } from 'node:module'
import { gzipSync } from 'node:zlib'
import type { GraphiQLOptions, Plugin } from 'graphql-yoga'

const { version } = createRequire(import.meta.url)('@graphql-yoga/render-graphiql/package.json') as {
  version: string
}

export const graphiqlAssetsPath = `/graphql/graphiql/${version}`

type Bundle = typeof import('@graphql-yoga/render-graphiql/graphiql')

/** The files, by name: which part of the bundle and its media type. */
const assets: Record<string, { part: keyof Bundle | 'start'; type: string }> = {
  'graphiql.js': { part: 'js', type: 'text/javascript' },
  'graphiql.css': { part: 'css', type: 'text/css' },
  'editor.worker.js': { part: 'editorWorkerService', type: 'text/javascript' },
  'json.worker.js': { part: 'jsonWorker', type: 'text/javascript' },
  'graphql.worker.js': { part: 'graphqlWorker', type: 'text/javascript' },
  'start.js': { part: 'start', type: 'text/javascript' },
}

// What the bundle's own page runs inline, as a file: Monaco's workers from this server, then GraphiQL.
const startScript = `const workers = {
  editorWorkerService: '${graphiqlAssetsPath}/editor.worker.js',
  json: '${graphiqlAssetsPath}/json.worker.js',
  graphql: '${graphiqlAssetsPath}/graphql.worker.js',
}
self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_moduleId, label) => workers[label] }
YogaGraphiQL.renderYogaGraphiQL(
  document.querySelector('#root'),
  JSON.parse(document.querySelector('#graphiql-options').textContent),
)
`

/** The 9 MB bundle is read on the first request for GraphiQL, not at every start. */
let bundle: Promise<Bundle> | null = null
const loadBundle = () => {
  bundle ??= import('@graphql-yoga/render-graphiql/graphiql')
  return bundle
}

const compressed = new Map<string, Promise<{ plain: string; gzip: Uint8Array<ArrayBuffer> }>>()
function asset(name: string, part: keyof Bundle | 'start') {
  let found = compressed.get(name)
  if (!found) {
    found = (async () => {
      const plain = part === 'start' ? startScript : (await loadBundle())[part]
      return { plain, gzip: new Uint8Array(gzipSync(plain)) }
    })()
    compressed.set(name, found)
  }
  return found
}

/** JSON inside a <script> element: `<` escaped, so no value can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replaceAll('<', '\\u003c')
const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')

/** The page, referring to the files above. */
export function renderGraphiQL(options: GraphiQLOptions): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${graphiqlAssetsPath}/graphiql.css" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run GraphiQL.</noscript>
    <div id="root"></div>
    <script type="application/json" id="graphiql-options">${scriptJson(options)}</script>
    <script src="${graphiqlAssetsPath}/graphiql.js"></script>
    <script src="${graphiqlAssetsPath}/start.js"></script>
  </body>
</html>
`
}

/** The page a signed-out browser gets at /graphql in production. */
const signInFirst = `<!doctype html>
<html lang="vi">
  <head><meta charset="utf-8" /><title>Tăng Tốc</title></head>
  <body>
    <p>Đăng nhập vào <a href="/">bảng điều khiển</a> trước, rồi mở lại trang này.</p>
    <p lang="en">Sign in to <a href="/">the console</a> first, then open this page again.</p>
  </body>
</html>
`

/**
 * GraphiQL for a browser opening the GraphQL endpoint (a GET that accepts HTML), and its files. Goes
 * after the cookie plugin: `signInRequired` may look at the session.
 */
export function useGraphiQL({
  graphqlEndpoint,
  options,
  signInRequired,
}: {
  graphqlEndpoint: string
  options: GraphiQLOptions
  /** Whether this request must sign in before it gets GraphiQL. */
  signInRequired: (request: Request) => Promise<boolean>
}): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname.startsWith(`${graphiqlAssetsPath}/`)) {
        const name = url.pathname.slice(graphiqlAssetsPath.length + 1)
        const file = Object.hasOwn(assets, name) ? assets[name] : undefined
        if (!file || request.method !== 'GET') {
          endResponse(new fetchAPI.Response('Not found\n', { status: 404 }))
          return
        }
        const { plain, gzip } = await asset(name, file.part)
        const gzipped = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')
        endResponse(
          new fetchAPI.Response(gzipped ? gzip : plain, {
            headers: {
              'content-type': `${file.type}; charset=utf-8`,
              // The version is in the path: a new one is a new URL.
              'cache-control': 'public, max-age=31536000, immutable',
              vary: 'accept-encoding',
              ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
            },
          }),
        )
        return
      }
      if (
        url.pathname === graphqlEndpoint &&
        request.method === 'GET' &&
        request.headers.get('accept')?.includes('text/html')
      ) {
        const allowed = !(await signInRequired(request))
        endResponse(
          new fetchAPI.Response(allowed ? renderGraphiQL(options) : signInFirst, {
            status: allowed ? 200 : 401,
            headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
          }),
        )
      }
    },
  }
}
