import { App } from 'cdktf';
import { CompositionStack } from './composition';
import { addAccessStacks, addAdoptionStacks, addMatrixStacks } from './matrix';
import { QuickStartStack } from './quickstart';

const app = new App();
new QuickStartStack(app, 'quickstart');
new CompositionStack(app, 'composition');
addMatrixStacks(app);
addAccessStacks(app);
addAdoptionStacks(app);
app.synth();
