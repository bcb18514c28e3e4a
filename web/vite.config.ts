import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

const api = "http://127.0.0.1:5000";

// One HTML entry per kind of user; all share src/shell.ts and src/styles.css.
export default defineConfig({
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rollupOptions: {
      input: {
        home: resolve(import.meta.dirname, "index.html"),
        board: resolve(import.meta.dirname, "board/index.html"),
        team: resolve(import.meta.dirname, "team/index.html"),
        judge: resolve(import.meta.dirname, "judge/index.html"),
        organiser: resolve(import.meta.dirname, "organiser/index.html"),
        verify: resolve(import.meta.dirname, "verify/index.html"),
        awards: resolve(import.meta.dirname, "awards/index.html"),
        matches: resolve(import.meta.dirname, "matches/index.html"),
        referee: resolve(import.meta.dirname, "referee/index.html"),
        screen: resolve(import.meta.dirname, "screen/index.html"),
        standings: resolve(import.meta.dirname, "standings/index.html"),
      },
    },
  },
  server: {
    proxy: {
      "/api": api,
      "/health": api,
      "/hubs": { target: api, ws: true },
    },
  },
  test: {
    include: ["src/**/*.test.ts"],
  },
});
