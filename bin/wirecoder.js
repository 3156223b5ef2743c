#!/usr/bin/env -S node --max-semi-space-size=64
// Thin launcher: the CLI is compiled TypeScript in dist/ (run `npm run build` first). The coder makes many
// short-lived objects; a 64 MB young generation (the shebang flag) saves about a sixth of its time in GC.
let cli;
try {
  cli = await import('../dist/src/cli/main.js');
} catch (err) {
  process.stderr.write(`wirecoder: cannot load dist/src/cli/main.js (run \`npm run build\`): ${err instanceof Error ? err.message : err}\n`);
  process.exit(2);
}
process.exitCode = await cli.main(process.argv);
