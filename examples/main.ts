import { App } from 'cdktf';
import { CompositionStack } from './composition';
import { addMatrixStacks } from './matrix';
import { QuickStartStack } from './quickstart';

const app = new App();
new QuickStartStack(app, 'quickstart');
new CompositionStack(app, 'composition');
addMatrixStacks(app);
app.synth();
