import { kafkaBroker } from '@klynge/broker-kafka';
import { subgraph } from './subgraph';

void subgraph.main(process.argv.slice(2), { broker: kafkaBroker });
