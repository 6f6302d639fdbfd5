// Builds the web map into src/eventcoder/web/static/ (run by `make web`; the output is committed,
// so installing or testing eventcoder needs no npm). Everything the page loads is in that folder:
// the bundled script and styles, Leaflet's images, and the Natural Earth basemap.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "..", "src", "eventcoder", "web", "static");

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await build({
  entryPoints: [join(here, "src", "main.js"), join(here, "src", "style.css")],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  outdir: out,
  entryNames: "[name]",
  assetNames: "[name]",
  loader: { ".png": "file", ".svg": "file" },
  legalComments: "linked",
  logLevel: "info",
});

// Natural Earth 1:110m countries as TopoJSON (world-atlas; Natural Earth is public domain).
copyFileSync(join(here, "node_modules", "world-atlas", "countries-110m.json"),
  join(out, "countries-110m.json"));
copyFileSync(join(here, "src", "index.html"), join(out, "index.html"));
copyFileSync(join(here, "LICENSES.md"), join(out, "LICENSES.md"));
console.log("built:", readdirSync(out).join(" "));
