// The limit on a request body's size, read from its Content-Length. Yoga's own limit
// (`maxRequestBodySize`) pipes every body through a TransformStream to count the bytes, which cost a
// third of what the API spends on a small query; Node's HTTP parser never reads past Content-Length, so
// the header alone is the body's size. A body without one (chunked) is refused: 411 Length Required.
import { createGraphQLError, type Plugin } from 'graphql-yoga'

function httpError(status: number, code: string, text: { vi: string; en: string }) {
  return createGraphQLError(text.en, { extensions: { http: { status }, code, messageVi: text.vi } })
}

export function useBodySizeLimit(maxBytes: number): Plugin {
  const megabytes = `${(maxBytes / 1_000_000).toLocaleString('en')} MB`
  return {
    onRequestParse({ request }) {
      const length = request.headers.get('content-length')
      if (length === null) {
        if (request.headers.has('transfer-encoding')) {
          throw httpError(411, 'LENGTH_REQUIRED', {
            vi: 'Yêu cầu phải có Content-Length.',
            en: 'A request body needs a Content-Length header.',
          })
        }
        return
      }
      // Node refuses a malformed or repeated Content-Length itself; the test is for other servers.
      const bytes = /^\d+$/.test(length) ? Number(length) : Number.NaN
      if (!(bytes <= maxBytes)) {
        throw httpError(413, 'REQUEST_ENTITY_TOO_LARGE', {
          vi: `Yêu cầu quá lớn: tối đa ${megabytes}.`,
          en: `Request body too large: at most ${megabytes}.`,
        })
      }
    },
  }
}
