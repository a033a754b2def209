/**
 * A `node --test` reporter that ends with the plain `N passed, N failed` line every test run of this
 * repository prints (`.ci/run` adds them up). Suites and skipped tests are not counted.
 */
export default async function* countReporter(source) {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { details, skip, todo } = event.data;
    if (details?.type === 'suite' || skip || todo) continue;
    if (event.type === 'test:pass') passed++;
    else failed++;
  }
  yield `${passed} passed, ${failed} failed\n`;
}
