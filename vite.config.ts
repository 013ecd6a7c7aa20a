import { fileURLToPath } from "node:url";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

const web = fileURLToPath(new URL("./web", import.meta.url));

/** The dashboard: built from web/ into web/dist, served by the app under /dashboard. */
export default defineConfig({
  root: web,
  base: "/dashboard/",
  plugins: [preact()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The server's CSP allows scripts from 'self' only: no inline module preload polyfill.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 600,
  },
});
