import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** What `@klynge/telemetry/register` leaves loaded in a fresh process with `env`: the @opentelemetry packages. */
function loadedBy(env: Record<string, string>): string[] {
  const script = `require('./src/register.ts');
    const loaded = Object.keys(require.cache).map((file) => /node_modules\\/(@opentelemetry\\/[^/]+)/.exec(file)?.[1]).filter(Boolean);
    process.stdout.write(JSON.stringify([...new Set(loaded)].sort()));`;
  const output = execFileSync(process.execPath, ['-r', '@klynge/jest-config/register', '-e', script], {
    cwd: path.join(__dirname, '..'),
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  return JSON.parse(output) as string[];
}

describe('@klynge/telemetry/register', () => {
  it('loads nothing of OpenTelemetry without an OTLP endpoint: tracing off costs nothing', () => {
    expect(loadedBy({})).toEqual([]);
    expect(loadedBy({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9', OTEL_SDK_DISABLED: 'true' })).toEqual([]);
  });

  it('starts the SDK and its instrumentations when an endpoint is set', () => {
    expect(loadedBy({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' })).toEqual(
      expect.arrayContaining(['@opentelemetry/sdk-trace', '@opentelemetry/instrumentation-http', '@opentelemetry/instrumentation-pg']),
    );
  });
});
