import { TOKEN, isTokenText } from '../../../../test/util';
import { normalizeLabels } from '../google';

const literal = () => false;

describe('Google Cloud labels', () => {
  test.each([
    [{ 'Team Name': 'Data Platform' }, { team_name: 'data_platform' }],
    [{ '1st': 'x' }, { k1st: 'x' }],
    [{ 'cost-center': 'CC.42' }, { 'cost-center': 'cc_42' }],
    [{ key: 'v'.repeat(63) }, { key: 'v'.repeat(63) }],
  ])('normalizes %j to %j', (tags, labels) => {
    expect(normalizeLabels(tags, literal)).toEqual(labels);
  });

  test.each([
    [{ key: 'v'.repeat(64) }, 'tags value "vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv..." becomes a Google Cloud label value of 64 characters; labels take at most 63'],
    [{ ['k'.repeat(64)]: 'v' }, 'becomes a Google Cloud label key of 64 characters'],
    [{ ['1'.repeat(63)]: 'v' }, 'becomes a Google Cloud label key of 64 characters'],
  ])('refuses %j rather than cutting it', (tags, message) => {
    expect(() => normalizeLabels(tags, literal)).toThrow('[InvalidTag] tags ');
    expect(() => normalizeLabels(tags, literal)).toThrow(message);
  });

  test('fails when two tags become the same label', () => {
    expect(() => normalizeLabels({ Team: 'a', team: 'b' }, literal))
      .toThrow('tags "Team" and "team" both become the Google Cloud label "team"');
  });

  test('passes token keys and values through', () => {
    expect(normalizeLabels({ [TOKEN]: 'Team A', owner: TOKEN }, isTokenText)).toEqual({ [TOKEN]: 'team_a', owner: TOKEN });
  });
});
