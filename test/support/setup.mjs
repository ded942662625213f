// Loaded before every test file (scripts/test.mjs passes it with --import): the
// shell parser is WebAssembly and loads asynchronously, once, before any rule runs.
const { initShell } = await import('../../server/src/analysis/shell/index.ts');
await initShell();
