// npm run stack:service -- <stop|start|restart> <service> | status
// Stops, starts or restarts one service of the running `npm run stack`, from another shell.
import { exitOnConfigError } from '@klynge/platform';
import { subgraphRegistry } from '@klynge/schemas';
import { stackConfig } from './config';
import { ask, STACK_COMMANDS, type StackCommand, stackControlSocket } from './stack-control';

const USAGE = `Usage: npm run stack:service -- <stop|start|restart> <service>
       npm run stack:service -- status

Stops, starts or restarts one process of the stack that npm run stack runs, while the others run
on: a subgraph (${subgraphRegistry()
  .map((entry) => entry.name)
  .join(', ')}) or the gateway. start and restart answer once it is ready.
status lists each with its state and pid. The stack is the one whose gateway is on PORT (4000
unless set), as npm run stack took it.
`;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n${code === 2 ? `\n${USAGE}` : ''}`);
  process.exit(code);
}

const [command, service, ...rest] = process.argv.slice(2);
if (command === '--help' || command === '-h') {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (!STACK_COMMANDS.includes(command as StackCommand)) fail(command ? `No command ${command}` : 'Name a command');
if ((command === 'status') !== (service === undefined) || rest.length > 0)
  fail(command === 'status' ? 'status takes no service' : `Name the one service to ${command}`);

const { PORT } = exitOnConfigError(() => stackConfig.load());
const socket = stackControlSocket(PORT);
ask(socket, { command: command as StackCommand, ...(service !== undefined && { service }) }).then(
  (reply) => {
    if (!reply.ok) fail(reply.message, 1);
    process.stdout.write(`${reply.message}\n`);
  },
  (error: NodeJS.ErrnoException) =>
    fail(
      error.code === 'ENOENT' || error.code === 'ECONNREFUSED'
        ? `No stack runs with its gateway on port ${PORT} (nothing answers on ${socket}): npm run stack starts one; PORT names another's port`
        : `Could not reach the stack on ${socket}: ${error.message}`,
      1,
    ),
);
