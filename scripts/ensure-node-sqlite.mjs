// better-sqlite3 is a native module built for one ABI at a time: `npm start` rebuilds it for
// Electron, the tests need Node's. Rebuild for Node only when Node cannot load it.
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  const Database = require('better-sqlite3');
  new Database(':memory:').close();
} catch (error) {
  console.log(`better-sqlite3 does not load under Node (${error.message.split('\n')[0]}); rebuilding it for Node`);
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
}
