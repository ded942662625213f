import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

const settings = { labelSchema: { spdxlabel: 'spdx' } };

testRule(rule, {
  valid: [
    { code: 'LABEL spdxlabel="not-spdx"\n', note: 'nothing is checked without a label schema' },
    { code: 'LABEL spdxlabel="BSD-3-Clause"\n', settings },
    { code: 'LABEL spdxlabel="MIT"\n', settings },
    { code: 'LABEL spdxlabel="Apache-2.0 WITH LLVM-exception"\n', settings },
    { code: 'LABEL spdxlabel="(MIT OR Apache-2.0) AND BSD-2-Clause"\n', settings, note: 'OCI asks for an SPDX expression here' },
    { code: 'LABEL other="fooo"\n', settings },
  ],
  invalid: [
    { code: 'LABEL spdxlabel="not-spdx"\n', settings, findings: ['"not-spdx"'] },
    { code: 'LABEL spdxlabel="Apache 2"\n', settings, findings: ['"Apache 2"'] },
    { code: 'LABEL spdxlabel=mit\n', settings, findings: ['mit'] },
  ],
});
