import { messageBrokerContract } from '@klynge/broker/contract';
import { LocalBroker } from './local-broker';
import { TemporaryDirectories, uniqueTopic } from './test-fixtures/helpers';

const directories = new TemporaryDirectories();
afterAll(() => directories.removeAll());

messageBrokerContract('The in-process broker in memory', {
  create: () => new LocalBroker(),
  topicName: uniqueTopic,
});

messageBrokerContract('The in-process broker on a directory', {
  create: () => new LocalBroker({ directory: directories.create('contract') }),
  topicName: uniqueTopic,
});
