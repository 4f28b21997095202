import { BaseSequencer, type TestSpecification } from "vitest/node";
import { defineConfig } from "vitest/config";

/**
 * Spec files run in name order: crm.e2e.ts first, because it signs the owner up as the server's
 * very first visitor; the others log that owner in.
 */
class ByName extends BaseSequencer {
  async sort(files: TestSpecification[]) {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
}

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The specs share one server and one browser; run them one after another.
    fileParallelism: false,
    sequence: { sequencer: ByName },
  },
});
