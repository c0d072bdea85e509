/**
 * The opt-in interceptor that validates requests before they are sent. The
 * validator itself is passed in (from `@open-vcluster/sdk/validate`), so the
 * protovalidate runtime is bundled only by apps that import it.
 */
import type { Interceptor } from "@connectrpc/connect";
import { ClientValidationError } from "./errors.js";
import type { Validator } from "./options.js";

export function validationInterceptor(validate: Validator): Interceptor {
  return (next) => (req) => {
    if (!req.stream) {
      const violations = validate(req.method.input, req.message);
      if (violations.length > 0) throw new ClientValidationError(req.method.input.typeName, violations);
    }
    return next(req);
  };
}
