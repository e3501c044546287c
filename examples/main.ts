import { App } from 'cdktf';
import { CompositionStack } from './composition';
import { addAdoptionStacks, addMatrixStacks } from './matrix';
import { QuickStartStack } from './quickstart';

const app = new App();
new QuickStartStack(app, 'quickstart');
new CompositionStack(app, 'composition');
addMatrixStacks(app);
addAdoptionStacks(app);
app.synth();
