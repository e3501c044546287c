import { Testing } from 'cdktf';
// Declares cdktf's matchers (toHaveResourceWithProperties, ...) for the type-checker.
import 'cdktf/lib/testing/adapters/jest';
import * as stackTrace from 'cdktf/lib/tokens/private/stack-trace';
import { ValidateBinaryVersion } from 'cdktf/lib/validations/validate-binary-version';

Testing.setupJest();

/*
 * cdktf validates the Terraform binary's version (`terraform version` through a shell) at every synthesis with
 * validations of a stack that holds a DataResource or an import block: a child process of the test worker each
 * time, about 0.1 s. The binary does not change during a test file, so each version check runs once per file and
 * its findings are reused for the same command and constraint.
 */
const versionFindings = new Map<string, string[]>();
const validateVersion = ValidateBinaryVersion.prototype.validate;
ValidateBinaryVersion.prototype.validate = function validate(this: ValidateBinaryVersion): string[] {
  const key = JSON.stringify(['versionCommand', 'versionConstraint', 'hint'].map((field) => Reflect.get(this, field)));
  let findings = versionFindings.get(key);
  if (findings === undefined) {
    findings = validateVersion.call(this);
    versionFindings.set(key, findings);
  }
  return [...findings];
};

/*
 * cdktf records the full stack at every token it creates (for its own error messages). Under jest every such stack
 * goes through jest's source-map formatting of each frame, a third of the synthesis time in the heaviest files.
 * The stacks are still captured, frame for frame, but formatted as V8 does by default: frames of compiled test files
 * keep their compiled line numbers. (Unset here, this realm's formatter would fall back to jest's, installed in the
 * worker's main realm.)
 */
const plainStack = (error: Error, frames: NodeJS.CallSite[]): string => `${String(error)}${frames.map((frame) => `\n    at ${String(frame)}`).join('')}`;
const capture = stackTrace.captureStackTrace;
Object.assign(stackTrace, {
  captureStackTrace: function captureStackTrace(below?: Function): string[] {
    const prepare = Error.prepareStackTrace;
    Error.prepareStackTrace = plainStack;
    try {
      return capture(below ?? captureStackTrace);
    } finally {
      Error.prepareStackTrace = prepare;
    }
  },
});
