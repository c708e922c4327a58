// build/ is emptied before each build of main, so nothing an older build put there (such as
// build/test or build/scripts, from when the build compiled them) can end up in the installer.
import fs from 'node:fs';
fs.rmSync('build', { recursive: true, force: true });
