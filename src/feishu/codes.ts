/** Feishu's answer codes the tool acts on; meanings and sources: docs/feishu-api.md, "Codes" and "Limits". */

/** 99991661 no token · 99991663 invalid or expired · 99991665 invalid tenant token · 99991671 malformed. */
export const TOKEN_ERROR_CODES: ReadonlySet<number> = new Set([99991661, 99991663, 99991665, 99991671]);
/** Frequency control: HTTP 429 (some older APIs 400) with this code. */
export const RATE_LIMITED_CODE = 99991400;
/** Feishu's "retry later" codes, 1002001 being this API's own internal error. */
export const TRANSIENT_CODES: ReadonlySet<number> = new Set([1500, 1663, 2200, 5000, 10101, 1002001]);
/** Errors that every later request would meet too: stop the run instead of failing each row. */
export const RUN_STOPPING_CODES: ReadonlySet<number> = new Set([
  99991672, // the app lacks the scope
  99991401, // this machine's IP is not on the allow-list
  99991403, // the tenant's monthly quota is used up
]);
/** 10014 / 10015: wrong app secret; 10003: no such app id. */
export const BAD_CREDENTIAL_CODES: ReadonlySet<number> = new Set([10003, 10014, 10015]);
