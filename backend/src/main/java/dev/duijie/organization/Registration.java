package dev.duijie.organization;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the regulator enters to register an organization. */
public record Registration(
        OrganizationType type,
        String name,
        String creditCode,
        String region,
        List<String> industries,
        @Nullable String tier,
        List<String> flags) {}
