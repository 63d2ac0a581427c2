import { readFileSync, statSync } from 'node:fs';
import { KafkaBroker } from '@klynge/broker-kafka';
import { type DedicatedKafka, readKafkaCredentials, startDedicatedKafka, uniqueName } from '@klynge/test-infrastructure';

// The runbook's change of a principal's SCRAM password (docs/operations.md, "Rotate secrets"), on a
// broker of this test's own: infra/kafka.sh set-password, then the principal's processes restart
// with the new password. Kafka keeps one password per principal; what the runbook promises is
// that the connections already open go on until then.

const PRINCIPAL = 'clusters-service';
const topic = `clusters.${uniqueName('password')}`;
let kafka: DedicatedKafka;
const clients: KafkaBroker[] = [];

beforeAll(async () => {
  kafka = await startDedicatedKafka('password');
}, 300_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close().catch(() => undefined)));
  await kafka?.destroy();
});

/** A client of the broker as the principal, with `password`. */
function clientWith(password: string): KafkaBroker {
  const client = new KafkaBroker({
    brokers: [kafka.brokers],
    clientId: uniqueName('password-client'),
    credentials: { username: PRINCIPAL, password },
  });
  clients.push(client);
  return client;
}

/** Every principal's password but the one changed, from the credentials file. */
const others = (file: string) =>
  Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>).filter(([name]) => name !== PRINCIPAL);

const publishAs = (client: KafkaBroker, value: string) => client.publish([{ topic, key: 'k', value, headers: {} }]);

it('set-password gives a principal a new password: connections open go on, new ones need the new password', async () => {
  const before = readKafkaCredentials(kafka.credentialsFile, PRINCIPAL).password;
  const othersBefore = others(kafka.credentialsFile);
  const running = clientWith(before);
  await publishAs(running, 'before the change');

  await kafka.script('set-password', PRINCIPAL);

  const after = readKafkaCredentials(kafka.credentialsFile, PRINCIPAL).password;
  expect(after).not.toBe(before);
  expect(after).toMatch(/^[0-9a-f]{48}$/);
  // The other principals keep theirs, and the file stays readable by its owner only.
  expect(others(kafka.credentialsFile)).toEqual(othersBefore);
  expect(statSync(kafka.credentialsFile).mode & 0o077).toBe(0);

  // The process not yet restarted keeps publishing on the connection it authenticated.
  await publishAs(running, 'after the change, on the open connection');
  // A process started with the old password is refused; one with the new password is let in.
  await expect(publishAs(clientWith(before), 'with the old password')).rejects.toThrow(/SASL|authentic/i);
  await publishAs(clientWith(after), 'with the new password');
}, 120_000);

it('refuses to change the admin, or a principal the broker does not have, and changes nothing', async () => {
  const before = readFileSync(kafka.credentialsFile, 'utf8');
  await expect(kafka.script('set-password', 'admin')).rejects.toThrow(/exited with code 1/);
  await expect(kafka.script('set-password', 'nobody-service')).rejects.toThrow(/exited with code 1/);
  expect(readFileSync(kafka.credentialsFile, 'utf8')).toBe(before);
});
