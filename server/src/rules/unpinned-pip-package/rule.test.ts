import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM python\nRUN pip3 install MySQL_python==1.2.2\n',
    'FROM python\nRUN pip3 install mypkg.whl mypkg.tar.gz\n',
    'FROM python\nRUN pip install -r requirements.txt\n',
    'FROM python\nRUN pip install --requirement requirements.txt extra\n',
    'FROM python\nRUN pip install .\n',
    { code: 'FROM python\nRUN pip install -e .\n', note: 'the project folder' },
    "FROM python\nRUN pip install 'alabaster>=0.7' 'b<1' 'c!=2' d~=1.2 e===1.0 'f >= 2'\n",
    'FROM python\nRUN pip3 install --build /opt/yamllint --prefix /opt/y --root /r --target /t --trusted-host host yamllint==1.20.0\n',
    'FROM python\nRUN python -m pip install example==1.2.2\n',
    'FROM python\nRUN python3 -u -m pip install example==1.2.2\n',
    'FROM python\nRUN pip install git+https://github.com/rtfd/r-ext.git@0.6-alpha#egg=r-ext\n',
    'FROM python\nRUN pip install foo/bar https://foo.bar/baz.zip\n',
    'FROM python\nRUN pip install --index-url https://user:pass@eg.com/foo --extra-index-url https://ex-eg.io/foo foobar==1.0.0\n',
    'FROM python\nRUN pip install pykafka --constraint http://foo.bar.baz\n',
    'FROM python\nRUN pip install pykafka -c constraints.txt\n',
    'FROM python\nRUN pipenv install black\n',
    'FROM python\nRUN pipx install --python "$(which python)" "poetry==1.8.5"\n',
    'FROM python\nRUN pip install --no-cache-dir --root-user-action ignore poetry==1.8.5\n',
    { code: 'FROM python\nRUN python -c "import pip" && python setup.py install\n', note: 'not pip' },
    { code: 'FROM python\nRUN pip install "$PACKAGE"\n', note: 'the Dockerfile does not show the value' },
    { code: 'FROM python\nARG POETRY_VERSION=1.8.5\nRUN pip install "poetry==$POETRY_VERSION"\n', note: 'a version from a variable' },
  ],
  invalid: [
    { code: 'FROM python\nRUN pip2 install MySQL_python\n', findings: ['MySQL_python'] },
    { code: 'FROM python\nRUN pip install --upgrade pip setuptools==70.0.0 wheel\n', findings: ['pip', 'wheel'] },
    { code: 'FROM python\nRUN python -m pip install example\n', findings: ['example'] },
    { code: 'FROM python\nRUN pipx install black\n', findings: ['black'] },
    { code: 'FROM python\nRUN pip install --root-user-action=ignore mypkg\n', findings: ['mypkg'] },
    {
      code: 'FROM python\nRUN pip install git+https://github.com/rtfd/read-ext.git#egg=read-ext\n',
      findings: [{ text: 'git+https://github.com/rtfd/read-ext.git#egg=read-ext', messageId: 'noRevision' }],
    },
    {
      code: 'FROM python\nRUN pip install git+ssh://git@github.com/rtfd/read-ext.git\n',
      findings: [{ text: 'git+ssh://git@github.com/rtfd/read-ext.git', messageId: 'noRevision' }],
      note: 'the @ of the user name is not a revision',
    },
    { code: 'FROM python\nONBUILD RUN pip install flask\n', findings: ['flask'] },
  ],
});
