import { DigitaloceanProvider } from '@cdktf/provider-digitalocean/lib/provider';
import { MatrixCloud } from './matrix-cloud';
import { RedisBackend } from '../../lib';

export const DIGITALOCEAN_MATRIX: MatrixCloud = {
  cloud: 'digitalocean',
  configure(stack) {
    new DigitaloceanProvider(stack, 'digitalocean', {});
  },
  backend: () => RedisBackend.digitalOceanValkey({ region: 'fra1' }),
  leftOut: {
    premium: 'Managed Valkey runs at most a primary and one standby, not the three nodes Premium promises; use Business on DigitalOcean or Premium on another cloud',
  },
};
