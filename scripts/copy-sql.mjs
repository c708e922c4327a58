// tsc compiles TypeScript only: the SQL migrations travel to build/ beside the compiled migrator.
import fs from 'node:fs';
fs.mkdirSync('build/db/migrations', { recursive: true });
for (const f of fs.readdirSync('db/migrations')) if (f.endsWith('.sql')) fs.copyFileSync(`db/migrations/${f}`, `build/db/migrations/${f}`);
