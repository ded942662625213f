import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

const NO_CACHE_DIR_NOTE = 'pip turns its cache off for any boolean PIP_NO_CACHE_DIR, false ones too (pip’s _handle_no_cache_dir, kept for backward compatibility), so nothing is cached; hadolint fires here';

testRule(rule, {
  valid: [
    // hadolint's DL3042 cases that pass (their ONBUILD variants are the same)
    'RUN pip2 install MySQL_python --no-cache-dir\n',
    'RUN pip3 install --no-cache-dir MySQL_python\n',
    'ONBUILD RUN pip install MySQL_python --no-cache-dir\n',
    'RUN pipx install software\n',
    'ONBUILD Run pipx install software\n',
    'RUN pipenv install library\n',
    'ENV PIP_NO_CACHE_DIR=1\nRUN pip install MySQL_python\n',
    'ENV PIP_NO_CACHE_DIR=on\nRUN pip install MySQL_python\n',
    'ENV PIP_NO_CACHE_DIR=yes\nONBUILD RUN pip install MySQL_python\n',
    'ENV PIP_NO_CACHE_DIR=true\nRUN pip install MySQL_python\n',
    'RUN PIP_NO_CACHE_DIR=1 pip install MySQL_python\n',
    'RUN PIP_NO_CACHE_DIR=yes pip install MySQL_python\n',
    'RUN export PIP_NO_CACHE_DIR=1 && pip install MySQL_python\n',
    'RUN export PIP_NO_CACHE_DIR=true && pip install MySQL_python\n',
    'FROM debian:buster as base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install six\n',
    'RUN --mount=type=cache,target=/root/.cache/pip pip install foobar\n',
    // hadolint's DL3042 cases with false values, which fire there
    { code: 'ENV PIP_NO_CACHE_DIR=0\nRUN pip install MySQL_python\n', note: NO_CACHE_DIR_NOTE },
    { code: 'ENV PIP_NO_CACHE_DIR=false\nONBUILD RUN pip install MySQL_python\n', note: NO_CACHE_DIR_NOTE },
    { code: 'RUN PIP_NO_CACHE_DIR=off pip install MySQL_python\n', note: NO_CACHE_DIR_NOTE },
    { code: 'RUN export PIP_NO_CACHE_DIR=no && pip install MySQL_python\n', note: NO_CACHE_DIR_NOTE },
    'RUN --mount=type=tmpfs,target=/root/.cache/pip pip install foobar\n',
    // ours
    { code: 'FROM python:3.12\nRUN python -m pip install --no-cache-dir -r requirements.txt\n', note: 'pip run as a module' },
    { code: 'FROM python:3.12\nRUN pip install -r requirements.txt && rm -rf /root/.cache/pip\n', note: 'the cache is removed in the same RUN' },
    { code: 'FROM python:3.12\nRUN pip install -r requirements.txt && pip cache purge\n', note: 'pip empties its own cache' },
    { code: 'FROM python:3.12\nRUN --mount=type=cache,target=/pip-cache pip install --cache-dir /pip-cache flask\n', note: 'the cache folder is a mount' },
    { code: 'FROM python:3.12 AS build\nRUN pip wheel -r requirements.txt\nRUN pip install flask\nFROM scratch\nCOPY --from=build /wheels /wheels\n', note: 'a stage only copied from' },
  ],
  invalid: [
    // hadolint's DL3042 cases that fire (their ONBUILD variants are the same)
    { code: 'RUN pip2 install MySQL_python\n', findings: ['pip2 install'], output: 'RUN pip2 install --no-cache-dir MySQL_python\n' },
    { code: 'RUN pip3 install MySQL_python\n', findings: ['pip3 install'], output: 'RUN pip3 install --no-cache-dir MySQL_python\n' },
    { code: 'ONBUILD RUN pip install MySQL_python\n', findings: ['pip install'], output: 'ONBUILD RUN pip install --no-cache-dir MySQL_python\n' },
    {
      code: 'FROM debian:buster as base\nENV PIP_NO_CACHE_DIR=1\nFROM debian:buster\nRUN pip install six\n',
      findings: ['pip install'],
      output: 'FROM debian:buster as base\nENV PIP_NO_CACHE_DIR=1\nFROM debian:buster\nRUN pip install --no-cache-dir six\n',
    },
    // ours
    {
      code: 'FROM python:3.12\nRUN python3 -m pip install -U pip && /opt/venv/bin/pip install -r requirements.txt\n',
      findings: ['python3 -m pip install', '/opt/venv/bin/pip install'],
      output: 'FROM python:3.12\nRUN python3 -m pip install --no-cache-dir -U pip && /opt/venv/bin/pip install --no-cache-dir -r requirements.txt\n',
    },
    {
      code: 'FROM python:3.12\nRUN pip install flask\nRUN rm -rf ~/.cache/pip\n',
      findings: [{ text: 'pip install', messageId: 'cleanedLater' }],
      output: 'FROM python:3.12\nRUN pip install --no-cache-dir flask\nRUN rm -rf ~/.cache/pip\n',
    },
  ],
});
