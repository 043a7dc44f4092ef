import type { Actor } from "../auth/index.ts";
import { isAnySecretary, isPrivileged } from "../auth/index.ts";

/** Internal indicators are for signed-in users; everything else is public. */
export const canSeeInternal = (actor: Actor) => actor.system || actor.userId !== null;

/** Loading values and defining indicators: a secretariat or an admin. */
export const canLoadIndicators = (actor: Actor) => isPrivileged(actor) || isAnySecretary(actor);
