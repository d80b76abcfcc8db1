import { workerData } from 'node:worker_threads';
import { createEdgelineService } from '../app/edgeline-service-impl';
import { hostTasks } from './host-tasks';
import { runEdgelineTask, type EdgelineTask } from './edgeline-task';

/**
 * Worker-thread entry (bundled as out/main/job-worker.js). It opens its own service on the
 * same database file as the main thread — SQLite in WAL mode lets the main thread keep reading
 * while the worker writes a week.
 */
export interface EdgelineWorkerData {
  readonly databaseFile: string;
  readonly dataBaseUrl?: string;
}

const options = workerData as EdgelineWorkerData;
const service = createEdgelineService({ databaseFile: options.databaseFile, dataBaseUrl: options.dataBaseUrl });
hostTasks<EdgelineTask>((task, taskOptions) => runEdgelineTask(service, task, taskOptions));
