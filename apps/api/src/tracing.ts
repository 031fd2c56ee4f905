// Tracing, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set: a span per GraphQL operation (envelop's
// OpenTelemetry plugin, which Yoga runs) exported over OTLP/HTTP. The spans carry the operation's name
// and type, never its text, variables or result (they may hold personal data). The OpenTelemetry
// packages are loaded only when tracing is on.
import type { Plugin } from 'graphql-yoga'
import type { Config } from './config.ts'

export interface Tracing {
  plugin: Plugin
  /** Sends the spans still buffered and stops. */
  shutdown(): Promise<void>
}

/** Tracing as configured: none unless OTEL_EXPORTER_OTLP_ENDPOINT is set. */
export async function startTracing(
  config: Pick<Config, 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_SERVICE_NAME'>,
): Promise<Tracing | undefined> {
  const endpoint = config.OTEL_EXPORTER_OTLP_ENDPOINT
  if (!endpoint) return undefined
  const [{ useOpenTelemetry }, { NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, resources] =
    await Promise.all([
      import('@envelop/opentelemetry'),
      import('@opentelemetry/sdk-trace-node'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
    ])
  const provider = new NodeTracerProvider({
    resource: resources.resourceFromAttributes({ 'service.name': config.OTEL_SERVICE_NAME }),
    spanProcessors: [
      new BatchSpanProcessor(
        new OTLPTraceExporter({ url: new URL('v1/traces', `${endpoint.replace(/\/$/, '')}/`).href }),
      ),
    ],
  })
  provider.register()
  const plugin = useOpenTelemetry(
    { document: false, variables: false, result: false, resolvers: false, defaultResolvers: false },
    provider,
  ) as Plugin
  return { plugin, shutdown: () => provider.shutdown() }
}
