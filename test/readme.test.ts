import { readFileSync } from 'fs';
import { join } from 'path';
import { updateReadme } from '../scripts/plan-matrix';

test('the README plan matrix is what the code generates (run `npx projen docs:matrix` after changing a backend)', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  expect(updateReadme(readme)).toBe(readme);
});
