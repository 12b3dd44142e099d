package dev.duijie;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.docs.Documenter;

/**
 * Writes the module documentation (C4 and per-module PlantUML diagrams, module canvases, an aggregating
 * AsciiDoc page) into {@code docs/architecture/}, from the same module model {@link ModularityTest} verifies.
 * Run by {@code ./duijie docs}; not part of any test run.
 */
class ArchitectureDocumentation {

    @Test
    void writeDocumentation() {
        new Documenter(ModularityTest.MODULES, Documenter.Options.defaults().withOutputFolder("../docs/architecture"))
                .writeDocumentation()
                .writeAggregatingDocument();
    }
}
