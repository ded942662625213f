import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: ['COPY / /\n', 'COPY --from=build /app /\n', 'COPY --from=build / /app\n', 'FROM a\nCOPY --from=build /bin/ /\n'],
  invalid: [
    { code: 'COPY --from=build / /\n', findings: ['/'] },
    { code: 'COPY --from=build "/" "/"\n', findings: ['"/"'] },
    { code: 'FROM a\nCOPY --from=busybox:1.36 --chown=0:0 ["/", "/"]\n', findings: ['"/"'] },
  ],
});
