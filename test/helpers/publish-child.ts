// A publish in a process of its own, killed with a real SIGKILL the moment it logs a given line:
// how the publish tests leave DIR the way a kill -9 (or a power cut) at that step would.
//   node test/helpers/publish-child.ts '{"target":…,"contentDir":…,"projectDir":…,"killOn":"④ 切换","adopt":true,"label":"v2"}'
import { publish } from '../../src/lib/publish/publish.ts';
import { fakeBuild } from './fake-site.ts';

const job = JSON.parse(process.argv[2] as string) as { target: string; contentDir: string; projectDir: string; killOn: string; adopt?: boolean; label: string };
await publish({
  target: job.target,
  contentDir: job.contentDir,
  projectDir: job.projectDir,
  edition: 'public',
  base: '/',
  keep: 3,
  dryRun: false,
  adopt: job.adopt,
  build: fakeBuild(job.label),
  log: (line) => {
    console.log(line);
    if (line.includes(job.killOn)) process.kill(process.pid, 'SIGKILL');
  },
});
console.log('NOT KILLED');
