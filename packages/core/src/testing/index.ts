export { runAdapterConformance, ConformanceFailure, type ConformanceOptions, type TestApi } from './conformance.js';
export { CONFORMANCE_FIXTURE, MALFORMED_FIXTURE, type ConformanceFixture } from './fixture.js';
