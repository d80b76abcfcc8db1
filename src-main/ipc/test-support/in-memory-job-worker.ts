import { hostTasks } from '../../jobs/host-tasks';
import { runEdgelineTask, type EdgelineTask } from '../../jobs/edgeline-task';
import { createInMemoryEdgelineService } from './in-memory-edgeline-service';

/** Job worker for the IPC/HTTP tests: the real task dispatch over the in-memory service. */
const service = createInMemoryEdgelineService();
const seeded = service.createRun({ name: 'Seeded in worker', div: 'E0', holdoutSeason: '2324' });
if (seeded.id !== 'run-1') throw new Error(`expected the worker's first run to be run-1, got ${seeded.id}`);
hostTasks<EdgelineTask>((task, options) => runEdgelineTask(service, task, options));
