import path from 'node:path';
import { serviceNameAt } from '@klynge/telemetry/service-name';

// Tracing names a process by the package of its entry file, which here is the runner's: this names
// it by the service's package instead (`@klynge/clusters` -> `clusters`), unless OTEL_SERVICE_NAME
// says otherwise. Imported before `@klynge/telemetry/register`, which reads it.
process.env.OTEL_SERVICE_NAME ??= serviceNameAt(path.resolve(process.argv[2] ?? '.'));
