// Bundles the client into LAGEBILD_WEB_OUT (the Maven build: target/classes/META-INF/resources):
// app.js (the chat screens; the map is a chunk loaded when it opens, with MapLibre's worker and CSS under
// maplibre/), sw.js (the service worker), the static shell files, and a build id that
// names the service worker's cache, so a new build replaces the cached shell.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const out = process.env.LAGEBILD_WEB_OUT || 'target/classes/META-INF/resources';
const src = 'src/main/client';
mkdirSync(out, { recursive: true });

const common = { bundle: true, minify: true, target: ['es2020', 'chrome100', 'safari16'], legalComments: 'none', logLevel: 'warning' };
// Code splitting: screens loaded later (the map) become chunks under /chunks/, fetched on first use.
const app = await build({ ...common, entryPoints: { app: join(src, 'main.tsx') }, outdir: out, splitting: true, format: 'esm', chunkNames: 'chunks/[name]-[hash]', metafile: true });
// The chunks app.js imports at once (code it shares with the map) belong to the shell the service worker keeps.
const appOutput = Object.entries(app.metafile.outputs).find(([file, o]) => o.entryPoint && file.endsWith('/app.js'));
const shellChunks = appOutput[1].imports.filter((i) => i.kind === 'import-statement').map((i) => '/' + i.path.slice(i.path.indexOf('chunks/')));
await build({ ...common, entryPoints: [join(src, 'silent-renew.ts')], outfile: join(out, 'silent-renew.js'), format: 'esm' });
cpSync(join(src, 'static'), out, { recursive: true });
// MapLibre's worker and stylesheet as files of their own, fetched only when the map opens. The worker
// keeps a .js name so every server sends it as JavaScript (a module worker, as MapLibre starts it).
mkdirSync(join(out, 'maplibre'), { recursive: true });
cpSync('node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs', join(out, 'maplibre', 'maplibre-gl-worker.js'));
cpSync('node_modules/maplibre-gl/dist/maplibre-gl.css', join(out, 'maplibre', 'maplibre-gl.css'));

const hash = createHash('sha256');
for (const file of readdirSync(out, { recursive: true }).map(String).sort()) {
  if (file.endsWith('.js') || file.endsWith('.css') || file.endsWith('.html')) hash.update(readFileSync(join(out, file)));
}
const buildId = hash.digest('hex').slice(0, 12);
await build({ ...common, entryPoints: [join(src, 'sw.ts')], outfile: join(out, 'sw.js'), format: 'iife', define: { BUILD_ID: JSON.stringify(buildId), SHELL_CHUNKS: JSON.stringify(shellChunks) } });
writeFileSync(join(out, 'build.txt'), buildId + '\n');
console.log(`client built into ${out} (build ${buildId})`);
