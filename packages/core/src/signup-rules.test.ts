import { expect } from '@open-wc/testing';
import { signupTrapped } from './signup-rules.js';

describe('signupTrapped', () => {
  it('catches a filled honeypot, whatever the time', () => {
    expect(signupTrapped({ trap: 'https://spam.example' }, 60_000, 3)).to.equal('trap');
    expect(signupTrapped({ trap: '   ' }, 60_000, 3)).to.equal(undefined);
  });
  it('catches a form sent sooner than the shortest fill time, and lets a person through', () => {
    expect(signupTrapped({}, 2_999, 3)).to.equal('too-fast');
    expect(signupTrapped({ trap: '' }, 3_000, 3)).to.equal(undefined);
    expect(signupTrapped({}, 0, 0)).to.equal(undefined);
    expect(signupTrapped({}, -5, -1)).to.equal('too-fast');
  });
});
