// The CI-sized fuzz run (npm test): a few thousand in-process runs and a few
// dozen against the running server, every one of them (no time limit that
// would pass on fewer runs; a hang fails on the test's timeout). The seed is fixed so a
// red run replays exactly; LAYERWISE_FUZZ_SEED=<n> tries another. Long runs:
// `npm run fuzz -- --runs N` (BENCHMARKS.md records one).
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { realDockerfiles } from '../../support/corpus.js';
import { inProcessProperty } from '../../fuzz/in-process.js';
import { serverProperty, ServerSession } from '../../fuzz/server.js';

const SEED = Number(process.env.LAYERWISE_FUZZ_SEED ?? 20261123);
const files = ['real', 'real-extra'].flatMap((folder) => realDockerfiles(folder).map(([, text]) => text));

describe(`fuzz (seed ${SEED})`, () => {
  it('in process: parse, spans, incremental parse, lint, every fix, fix-all and formatting hold on 3,000 inputs', { timeout: 600_000 }, () => {
    fc.assert(inProcessProperty(files), { seed: SEED, numRuns: 3000 });
  });

  describe('the server', () => {
    let session: ServerSession;
    before(async () => {
      session = await ServerSession.start();
    });
    after(async () => {
      await session.close();
    });

    it('answers every request it declares, inside the document, and stays up, over 25 documents', { timeout: 300_000 }, async () => {
      await fc.assert(serverProperty(session, files), { seed: SEED, numRuns: 25 });
    });
  });
});
