/**
 * Runs inside a frame whose own policy is `default-src 'self'; style-src 'self'; script-src 'self';
 * require-trusted-types-for 'script'` (see initiative-card.structured-data-csp.test.ts): renders a
 * card, a list and a poll with `structured-data` and untrusted titles, and leaves on `window` what the
 * data blocks hold and every policy violation raised.
 */
import '../define/civic-initiative-card.js';
import '../define/civic-initiative-list.js';
import '../define/civic-poll.js';

const XSS = 'T </script><script>window.__sdXss=1</script><!--';
const violations: string[] = [];
const CANARY = '<b>canary</b>';
document.addEventListener('securitypolicyviolation', (e) => {
  // The check below that the policy is enforced raises one on purpose.
  if (!e.sample.endsWith(CANARY)) violations.push(`${e.violatedDirective}: ${e.sample}`);
});

const w = window as unknown as { __sd?: { blocks: string[]; violations: string[]; trustedTypes: boolean } };

async function run(): Promise<void> {
  let trustedTypes = false;
  try {
    document.createElement('div').innerHTML = CANARY;
  } catch {
    trustedTypes = true;
  }
  const initiative = { id: 'a', title: XSS, status: 'active', place: { lat: 51.45, lng: -2.58 } };
  const card = Object.assign(document.createElement('civic-initiative-card'), { initiative, structuredData: true });
  const list = Object.assign(document.createElement('civic-initiative-list'), {
    initiatives: [initiative],
    structuredData: true,
  });
  const poll = Object.assign(document.createElement('civic-poll'), {
    structuredData: true,
    poll: {
      id: 'p',
      question: XSS,
      kind: 'single',
      status: 'open',
      options: [
        { id: 'x', label: XSS },
        { id: 'y', label: 'Y' },
      ],
      results: { counts: { x: 1, y: 2 }, voters: 3 },
    },
  });
  document.body.append(card, list, poll);
  const start = Date.now();
  while ([card, list, poll].some((el) => !el.querySelector('script')) && Date.now() - start < 5000)
    await new Promise((r) => setTimeout(r, 20));
  w.__sd = {
    blocks: [card, list, poll].map((el) => el.querySelector('script')?.textContent ?? ''),
    violations,
    trustedTypes,
  };
}
void run();
