package dev.duijie.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine as a report names it: CPU, cores, memory and Java version. */
public final class Machine {

    private Machine() {}

    public static String described() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name"))
                .findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip())
                .orElse("unknown CPU");
        long memoryGiB = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal"))
                .findFirst()
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024)
                .orElse(0L);
        return "%s, %d cores, %d GiB, Java %s"
                .formatted(cpu, Runtime.getRuntime().availableProcessors(), memoryGiB, Runtime.version());
    }
}
