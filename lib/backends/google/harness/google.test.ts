import { TOKEN, isTokenText } from '../../../../test/util';
import { normalizeLabels } from '../google';

const literal = () => false;

describe('Google Cloud labels', () => {
  test.each([
    [{ 'Team Name': 'Data Platform' }, { team_name: 'data_platform' }],
    [{ '1st': 'x' }, { k1st: 'x' }],
    [{ 'cost-center': 'CC.42' }, { 'cost-center': 'cc_42' }],
    [{ key: 'v'.repeat(70) }, { key: 'v'.repeat(63) }],
  ])('normalizes %j to %j', (tags, labels) => {
    expect(normalizeLabels(tags, literal)).toEqual(labels);
  });

  test('fails when two tags become the same label', () => {
    expect(() => normalizeLabels({ Team: 'a', team: 'b' }, literal))
      .toThrow('tags "Team" and "team" both become the Google Cloud label "team"');
  });

  test('passes token keys and values through', () => {
    expect(normalizeLabels({ [TOKEN]: 'Team A', owner: TOKEN }, isTokenText)).toEqual({ [TOKEN]: 'team_a', owner: TOKEN });
  });
});
