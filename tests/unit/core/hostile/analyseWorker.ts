/**
 * Runs analysePolicy on one input in a worker thread, so the hostile-text suite can stop a reading that
 * does not end (a per-test timeout cannot interrupt synchronous work). Answers with the text length read.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analysePolicy } from '../../../../core/policy/analyse';
import type { AnalyseInput } from '../../../../core/policy/types';

const summary = analysePolicy(workerData as AnalyseInput);
parentPort!.postMessage({ textLength: summary.textLength, warnings: summary.warnings });
