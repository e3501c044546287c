import { readFileSync, readdirSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';
import { BACKEND_DEFINITIONS } from '../lib/backends/backend-definitions';
import { BACKEND_IDS } from '../lib/backends/registry';

const BACKENDS = join(__dirname, '..', 'lib', 'backends');
/** Folders under lib/backends shared by several backends rather than backends themselves. */
const SHARED = ['google'];

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sourcesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The folders directly under lib/backends that each relative import of `file` reaches. */
function foldersImported(file: string): string[] {
  const specifiers = [...readFileSync(file, 'utf8').matchAll(/(?:from |require\()'(\.[^']+)'/g)].map((m) => m[1]);
  return specifiers.map((s) => relative(BACKENDS, resolve(dirname(file), s)).split('/')[0]).filter((top) => !top.startsWith('..'));
}

const folders = readdirSync(BACKENDS).filter((entry) => statSync(join(BACKENDS, entry)).isDirectory());

test('every folder under lib/backends is a registered backend or shared, and the construct\'s definitions are the registry\'s', () => {
  expect(folders.filter((f) => !SHARED.includes(f)).sort()).toEqual([...BACKEND_IDS].sort());
  expect(BACKEND_DEFINITIONS.map((d) => d.id)).toEqual(BACKEND_IDS);
});

test.each(folders)('lib/backends/%s imports no backend folder but its own', (folder) => {
  const foreign = sourcesUnder(join(BACKENDS, folder)).flatMap((file) => foldersImported(file)
    .filter((top) => top !== folder && folders.includes(top) && !(SHARED.includes(top) && !SHARED.includes(folder)))
    .map((top) => `${relative(BACKENDS, file)} imports ${top}/`));
  expect(foreign).toEqual([]);
});
