/** The OParl walker lives with the conformance checks (conformance/oparl-walk.ts); the tests use the same one. */
export { type Fetched, loadOparlSchemas, type WalkResult, walkOparl } from "../../conformance/oparl-walk.ts";
