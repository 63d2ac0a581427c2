// npm run token -- --role caseworker --agency innovasjon-norge [--cluster <id>] [--unit <kind:id>] [--subject <sub>]
// Prints a development bearer token, signed with JWT_SECRET or the development secret.
import { parseArgs } from 'node:util';
import { type Role, ROLES, signToken } from '@klynge/platform/auth';

const USAGE = `Prints a bearer token for the gateway, signed with JWT_SECRET (or, in development, the development secret).

Usage: npm run token -- [--role <role>]... [--agency <code>] [--cluster <id>] [--unit <kind:id>] [--subject <sub>]

  --role <role>     ${ROLES.join(', ')} (default viewer; repeat for several)
  --agency <code>   the agency a caseworker works for, e.g. innovasjon-norge
  --cluster <id>    the cluster a cluster manager manages
  --unit <kind:id>  the unit a staff member works for, e.g. catapult-centre:<id>
  --subject <sub>   who the token speaks for (default developer)
  --help            prints this

Example: curl -H "Authorization: Bearer $(npm run --silent token -- --role admin)" ...
`;

/** Ends the command with a message, not a stack trace: these are a user's mistakes. */
function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function options() {
  try {
    return parseArgs({
      options: {
        role: { type: 'string', multiple: true, default: ['viewer'] },
        agency: { type: 'string' },
        cluster: { type: 'string' },
        unit: { type: 'string' },
        subject: { type: 'string', default: 'developer' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    return fail((error as Error).message);
  }
}

const values = options();
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const roles = values.role;
const unknown = roles.filter((role) => !ROLES.includes(role as Role));
if (unknown.length > 0) fail(`Unknown role ${unknown.join(', ')}: use ${ROLES.join(', ')}`);

signToken(
  {
    subject: values.subject,
    roles: roles as Role[],
    ...(values.agency ? { agency: values.agency } : {}),
    ...(values.cluster ? { clusterId: values.cluster } : {}),
    ...(values.unit ? { unit: values.unit } : {}),
  },
  process.env.JWT_SECRET ? { secret: process.env.JWT_SECRET } : {},
).then(
  (token) => process.stdout.write(`${token}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
