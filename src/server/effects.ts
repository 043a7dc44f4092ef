import { registerEffect } from "../lib/domain-events.ts";

/**
 * Installs every module's reaction to domain events (see `src/lib/domain-events.ts`). Called once by
 * each entry point that runs domain acts: `buildApp`, the CLI, the demo loader and the template maker.
 * Idempotent: handlers are registered by name.
 */
export function installEffects(): void {
  // Each line: registerEffect("<module>", <module's handler from its index.ts>).
  void registerEffect;
}
