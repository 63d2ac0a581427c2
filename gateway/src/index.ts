import { runService } from '@klynge/platform';
import { gatewayConfig } from './config';
import { createGateway } from './server';

void runService(() => createGateway(gatewayConfig.load()));
