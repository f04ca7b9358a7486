// Moved to src/core/mask.ts (core is the layer every folder may import). Kept only for the
// schedule jobs that still import it from here; import from core/mask.ts in new code.
export { maskContact, maskName, maskSensitive } from '../core/mask.ts';
