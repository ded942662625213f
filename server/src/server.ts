// The server bundle's entry: the language server on the main thread; started
// again as a worker thread (by workspace/large-documents.ts), the document worker.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { startLanguageServer } from './language-server.js';
import { runDocumentWorker } from './workspace/document-worker.js';

if (isMainThread) startLanguageServer(__filename);
else if (parentPort && workerData?.documentWorker) runDocumentWorker(parentPort, workerData.documentWorker);
