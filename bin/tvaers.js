#!/usr/bin/env node
// The package's command: runs the TypeScript CLI through the tsx loader (no build step).
import { register } from "tsx/esm/api";

register();
await import("../src/cli/preload.ts");
await import("../src/cli/main.ts");
