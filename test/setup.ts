import { Testing } from 'cdktf';
// Declares cdktf's matchers (toHaveResourceWithProperties, ...) for the type-checker.
import 'cdktf/lib/testing/adapters/jest';
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
  const { versionCommand, versionConstraint, hint } = this as unknown as Record<string, string | undefined>;
  const key = JSON.stringify([versionCommand, versionConstraint, hint]);
  let findings = versionFindings.get(key);
  if (findings === undefined) {
    findings = validateVersion.call(this);
    versionFindings.set(key, findings);
  }
  return [...findings];
};
