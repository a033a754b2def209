import { expect } from '@open-wc/testing';
import { safeUrl } from './safe-url.js';

describe('safeUrl', () => {
  it('lets http(s) and relative references through', () => {
    expect(safeUrl('https://example.org/a?b=c')).to.equal('https://example.org/a?b=c');
    expect(safeUrl('HTTP://EXAMPLE.ORG/')).to.equal('http://example.org/');
    expect(safeUrl('/initiatives/1')).to.equal('/initiatives/1');
    expect(safeUrl('images/a.jpg')).to.equal('images/a.jpg');
    expect(safeUrl('//cdn.example.org/x.png')).to.equal('//cdn.example.org/x.png');
  });

  it('stops every other scheme, however it is disguised', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'blob:https://example.org/x',
      '\\\\evil.example\\share',
      '',
      '   ',
      undefined,
      42,
    ]) {
      expect(safeUrl(bad), String(bad)).to.equal(undefined);
    }
  });
});
