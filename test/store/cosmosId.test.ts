import assert from 'node:assert/strict';
import { encodeCosmosId } from '../../src/store/cosmosId';

describe('encodeCosmosId', () => {
  it('escapes / \\ ? # % * and control characters, and keeps the rest readable', () => {
    assert.equal(encodeCosmosId('19:abc@thread.tacv2'), '19:abc@thread.tacv2');
    assert.equal(encodeCosmosId('a/b\\c?d#e%f*g\nh'), 'a*2Fb*5Cc*3Fd*23e*25f*2Ag*0Ah');
  });

  it('gives distinct keys distinct ids, also when a key looks escaped', () => {
    assert.notEqual(encodeCosmosId('a/b'), encodeCosmosId('a*2Fb'));
  });

  it('hashes keys whose encoding is too long, within 255 characters', () => {
    const a = encodeCosmosId(`${'/'.repeat(100)}a`);
    const b = encodeCosmosId(`${'/'.repeat(100)}b`);
    assert.ok(a.length <= 255 && b.length <= 255);
    assert.notEqual(a, b);
    assert.ok(!/[/\\?#]/.test(a));
  });

  it('refuses an empty key', () => {
    assert.throws(() => encodeCosmosId(''), /empty/);
  });
});
