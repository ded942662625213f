import { testRule } from '../../../../test/support/rule-tester.js';
import rule from './index.js';

testRule(rule, {
  valid: [
    'FROM golang\nRUN go install example.com/pkg@v1.2.3\n',
    'FROM golang\nRUN go install /go/app/foobar && go install ./app/foobar && go install .\n',
    'FROM golang\nRUN go get example.com/pkg@v1.2.3 && go get -tool foobar@v1.2.3\n',
    'FROM golang\nRUN go run example.com/pkg@v1.2.3 -f --foo bar foobar\n',
    'FROM golang\nRUN go run . && go run ./cmd/app && go run main.go\n',
    'FROM golang\nRUN go get -d -v ./... && go build -o /app .\n',
    'FROM golang\nRUN go install -ldflags "-s -w" -tags netgo ./cmd/...\n',
    'FROM golang\nRUN go mod download && go install\n',
    { code: 'FROM golang\nRUN go install tool && go get -u all\n', note: 'meta-packages: go.mod says which versions' },
  ],
  invalid: [
    { code: 'FROM golang\nRUN go install example.com/pkg\n', findings: ['example.com/pkg'] },
    { code: 'FROM golang\nRUN go install example.com/pkg@latest\n', findings: [{ text: 'example.com/pkg@latest', messageId: 'movingVersion' }] },
    { code: 'FROM golang\nRUN go get example.com/pkg\n', findings: ['example.com/pkg'] },
    { code: 'FROM golang\nRUN go get -tool foobar@latest\n', findings: ['foobar@latest'] },
    { code: 'FROM golang\nRUN go run example.com/pkg@master arg\n', findings: ['example.com/pkg@master'], note: 'a branch moves too' },
    { code: 'FROM golang\nRUN go install -ldflags "-s -w" example.com/a@v1 example.com/b\n', findings: ['example.com/b'] },
    { code: 'FROM golang\nONBUILD RUN go install example.com/pkg\n', findings: ['example.com/pkg'] },
  ],
});
