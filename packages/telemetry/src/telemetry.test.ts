import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { startTelemetry } from './telemetry';

describe('telemetry', () => {
  it('is off without an OTLP endpoint: no SDK, so spans and trace context cost nothing', () => {
    expect(startTelemetry({ env: {} })).toBeUndefined();
    const span = trace.getTracer('test').startSpan('not recorded');
    expect(span.isRecording()).toBe(false);
    const carrier: Record<string, string> = {};
    propagation.inject(trace.setSpan(context.active(), span), carrier);
    expect(carrier).toEqual({});
  });

  it('with an exporter, records spans under the service name and propagates W3C trace context', async () => {
    const exporter = new InMemorySpanExporter();
    const telemetry = startTelemetry({ exporter, env: { OTEL_SERVICE_NAME: 'telemetry-test' } })!;
    expect(telemetry.serviceName).toBe('telemetry-test');
    const span = trace.getTracer('test').startSpan('recorded');
    const carrier: Record<string, string> = {};
    propagation.inject(trace.setSpan(context.active(), span), carrier);
    expect(carrier.traceparent).toBe(`00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`);
    span.end();
    await telemetry.flush();
    const [finished] = exporter.getFinishedSpans();
    expect(finished?.name).toBe('recorded');
    expect(finished?.resource.attributes['service.name']).toBe('telemetry-test');
    await telemetry.shutdown();
  });
});
