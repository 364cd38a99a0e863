import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";

// Built files are served by Django (whitenoise) under /static/ with hashed names;
// the manifest tells Django's SPA shell which files to load.
export default defineConfig({
  plugins: [react(), tailwindcss()],
  base: "/static/",
  build: { manifest: true, outDir: "dist", emptyOutDir: true },
  test: { environment: "jsdom", globals: true, setupFiles: ["src/setupTests.ts"] },
});
