/**
 * Tags a backend writes in another form than given (Google's label rules, DigitalOcean's tag rules) are named in a
 * synth warning, as given and as written; a backend that writes tags as given, or refuses them, says nothing.
 */
import { MATRIX_CLOUDS, matrixProps } from '../examples/matrix';
import { ServicePlan } from '../lib';
import { BACKEND_DEFINITIONS } from '../lib/backends/backend-definitions';
import { assessDataStore } from '../lib/private/assess';

const TAGS = { 'Owner': 'Team A', 'cost.center': 'R&D', 'team': 'payments' };

function tagWarnings(cloud: string, tags: Record<string, string>): string[] {
  const entry = MATRIX_CLOUDS.find((e) => e.cloud === cloud)!;
  const props = matrixProps(entry, ServicePlan.STARTUP, false);
  const { design } = assessDataStore(props.backend, { ...props, tags }, 'Redis');
  return (design.warnings ?? []).filter((w) => w.code === 'TagsRewritten').map((w) => w.message);
}

test.each([
  ['gcp', 'Memorystore for Redis writes 2 tags in its own form (its character rules): "Owner: Team A" as "owner: team_a", "cost.center: R&D" as "cost_center: r_d".'],
  ['gcp-valkey', 'Memorystore for Valkey writes 2 tags in its own form (its character rules): "Owner: Team A" as "owner: team_a", "cost.center: R&D" as "cost_center: r_d".'],
  ['digitalocean', 'writes 2 tags in its own form (its character rules): "Owner: Team A" as "owner:team-a", "cost.center: R&D" as "cost-center:r-d".'],
])('%s names each rewritten tag as given and as written', (cloud, message) => {
  const warnings = tagWarnings(cloud, TAGS);
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toContain(message);
  expect(tagWarnings(cloud, { team: 'payments' })).toEqual([]);
});

test('only the backends that rewrite tags declare it', () => {
  expect(BACKEND_DEFINITIONS.filter((d) => d.rewrittenTags !== undefined).map((d) => d.id).sort()).toEqual(['digitalocean-valkey', 'memorystore', 'memorystore-valkey']);
});
