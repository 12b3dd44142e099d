package dev.duijie;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The features are modules: each reaches another only through that one's top-level package (or a named
 * interface it exposes), and no two depend on each other in a cycle.
 */
class ModularityTest {

    /** The generated contract ({@code dev.duijie.api}) is every feature's edge, not a feature of its own. */
    static final ApplicationModules MODULES =
            ApplicationModules.of(DuijieApplication.class, JavaClass.Predicates.resideInAPackage("dev.duijie.api.."));

    @Test
    void givenTheFeaturePackages_whenVerified_thenNoneReachesIntoAnotherOrDependsInACycle() {
        MODULES.verify();
    }
}
