import { expect } from '@open-wc/testing';
import { listAttributeProblem, listConverter, parseListAttribute, readId, readString } from './list-attribute.js';

describe('list attributes: a JSON array, or items separated by commas', () => {
  it('reads the plain form: commas separate, spaces around items do not count', () => {
    expect(parseListAttribute('food,energy, repair ')?.items).to.deep.equal(['food', 'energy', 'repair']);
    expect(listConverter(readString).fromAttribute('Our Town Group, Bristol Energy Co-op')).to.deep.equal([
      'Our Town Group',
      'Bristol Energy Co-op',
    ]);
  });

  it('reads a JSON array, so an item may hold a comma', () => {
    expect(listConverter(readString).fromAttribute('["Food, farming", "Energy"]')).to.deep.equal([
      'Food, farming',
      'Energy',
    ]);
  });

  it('is undefined without the attribute, and empty for an empty value', () => {
    expect(parseListAttribute(null)).to.equal(undefined);
    expect(parseListAttribute('  ')?.items).to.deep.equal([]);
  });

  it('says what is wrong with JSON that does not parse, and keeps nothing of it', () => {
    expect(parseListAttribute('["food", "energy"')).to.deep.equal({
      items: [],
      problem: 'starts with "[" but is not a JSON array',
    });
    expect(listAttributeProblem('["food",', readString)).to.contain('not a JSON array');
  });

  it('names the items it cannot use, and leaves them out', () => {
    expect(listAttributeProblem('energy food, repair', readId)).to.equal(
      'cannot use "energy food" (a JSON array, or items separated by commas)',
    );
    expect(listConverter(readId).fromAttribute('energy food, repair')).to.deep.equal(['repair']);
    expect(listAttributeProblem('[1, "repair"]', readId)).to.contain('cannot use 1');
    expect(listAttributeProblem('energy, repair', readId)).to.equal(undefined);
  });

  it('writes the plain form back', () => {
    expect(listConverter(readId).toAttribute(['energy', 'repair'])).to.equal('energy,repair');
    expect(listConverter(readId).toAttribute([])).to.equal(null);
  });
});
