// npm run token -- --role caseworker --agency innovasjon-norge [--cluster <id>] [--subject <sub>]
// Prints a development bearer token, signed with JWT_SECRET or the development secret.
import { parseArgs } from 'node:util';
import { type Role, ROLES, signToken } from '@klynge/platform';

const { values } = parseArgs({
  options: {
    role: { type: 'string', multiple: true, default: ['viewer'] },
    agency: { type: 'string' },
    cluster: { type: 'string' },
    subject: { type: 'string', default: 'developer' },
  },
});
const roles = values.role;
const unknown = roles.filter((role) => !ROLES.includes(role as Role));
if (unknown.length > 0) {
  process.stderr.write(`Unknown role ${unknown.join(', ')}: use ${ROLES.join(', ')}\n`);
  process.exit(2);
}
void signToken(
  {
    subject: values.subject,
    roles: roles as Role[],
    ...(values.agency ? { agency: values.agency } : {}),
    ...(values.cluster ? { clusterId: values.cluster } : {}),
  },
  process.env.JWT_SECRET ? { secret: process.env.JWT_SECRET } : {},
).then((token) => process.stdout.write(`${token}\n`));
