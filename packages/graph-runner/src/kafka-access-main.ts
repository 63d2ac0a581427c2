// Run by infra/kafka.sh, not by hand: sets up who may do what on a development broker.
//
//   kafka-access-main.js users <credentials file>
//     makes sure the file holds a password for every principal of the registry, and prints
//     `<name> <password>` per principal (the broker's storage is formatted with them, and users
//     new to a running broker are added with Kafka's own tools);
//   kafka-access-main.js acls <host:port> [<credentials file>]
//     makes the broker's ACLs for the registry's principals those of the registry (kafkaAccessPlan):
//     grants what is missing and revokes what the plan no longer holds (kafkaAccessScope), as the
//     broker's admin, whose password is in the file or else in KAFKA_ADMIN_PASSWORD
//     (docker-compose.yml). Idempotent.
import { KafkaBroker } from '@klynge/broker-kafka';
import { KAFKA_ADMIN, kafkaAccessPlan, kafkaAccessScope } from '@klynge/subgraph-registry';
import { ensureCredentials, readCredentials } from './kafka-credentials';

async function main([command, target, file]: string[]): Promise<void> {
  if (command === 'users' && target) {
    for (const [name, password] of Object.entries(ensureCredentials(target))) process.stdout.write(`${name} ${password}\n`);
    return;
  }
  if (command === 'acls' && target) {
    const brokers = target;
    const password = file ? readCredentials(file)[KAFKA_ADMIN] : process.env.KAFKA_ADMIN_PASSWORD;
    if (!password) throw new Error(`no password for ${KAFKA_ADMIN} (${file ?? 'KAFKA_ADMIN_PASSWORD'})`);
    const broker = new KafkaBroker({
      brokers: brokers.split(','),
      clientId: 'klynge-access',
      credentials: { username: KAFKA_ADMIN, password },
    });
    try {
      const plan = kafkaAccessPlan();
      const revoked = await broker.syncAccess(plan, kafkaAccessScope());
      for (const rule of revoked) process.stderr.write(`[infra] revoked ${rule}: the registry no longer allows it\n`);
      const principals = new Set(plan.map((acl) => acl.principal)).size;
      process.stderr.write(`[infra] ${plan.length} ACLs for ${principals} principals are in place, and no others\n`);
    } finally {
      await broker.close();
    }
    return;
  }
  throw new Error('usage: kafka-access-main.js users <credentials file> | acls <host:port> [<credentials file>]');
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`[infra] error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
