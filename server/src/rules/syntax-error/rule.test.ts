import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM alpine\nENV a=b\n',
    { code: '# escape=`\n# escape=`\nFROM alpine\n', note: 'the directive rule reports it' },
    { code: 'FROM alpine\nRUN a \\\n\nb\n', note: 'a warning, reported by empty-continuation-line' },
  ],
  invalid: [
    { code: '', findings: [{ text: '', messageId: 'noInstructions' }] },
    { code: '# just a comment\n', findings: [''] },
    { code: 'FROM alpine\nENV PATH\n', findings: [{ text: 'PATH', messageId: 'missingValue' }] },
    { code: 'FROM alpine\nLABEL a=b c d=e\n', findings: [{ text: 'c', messageId: 'missingEquals' }] },
    { code: 'FROM alpine\nCMD [1, "a"]\n', findings: [{ text: '[1, "a"]', messageId: 'jsonNotStrings' }] },
    { code: 'FROM alpine\nRUN <<EOF\necho\n', findings: [{ text: '<<EOF', messageId: 'unterminatedHeredoc' }] },
    { code: 'FROM alpine\nRUN <<"EOF\necho\nEOF\n', findings: [{ text: '<<"EOF', messageId: 'invalidHeredoc' }] },
  ],
});
