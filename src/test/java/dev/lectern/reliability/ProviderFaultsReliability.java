package dev.lectern.reliability;

import dev.lectern.generation.WorkflowFaultCase;
import dev.lectern.provider.Automatic1111Format;
import dev.lectern.provider.ComfyUiFormat;
import dev.lectern.provider.OpenAiFormat;
import dev.lectern.provider.WireFault;
import dev.lectern.provider.WireFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * provider faults: each wire format × each fault of the workflow issue, through {@link WorkflowFaultCase} (the
 * cases of {@code WorkflowFaultMatrixTest}): the regenerate ends within its timeout plus
 * {@link WorkflowFaultCase#SLACK}, in the stated outcome, and the project is unchanged (its export and the
 * segment's version; for a success, until the accept). A project that changed when it must not counts as lost.
 */
class ProviderFaultsReliability {
    @TempDir
    Path dir;

    @Test
    void eachWireFormatTimesEachFault() {
        ReliabilityReport.Tally tally = new ReliabilityReport.Tally("provider faults");
        AtomicReference<Duration> slowest = new AtomicReference<>(Duration.ZERO);
        try {
            for (WireFormat f : List.of(new OpenAiFormat(), new Automatic1111Format(), new ComfyUiFormat())) {
                for (WireFault c : WireFault.values()) {
                    Path caseDir = dir.resolve(f.type() + "-" + c);
                    tally.check(f + ": " + c, () -> {
                        try (WorkflowFaultCase fault = new WorkflowFaultCase(caseDir)) {
                            Duration took = fault.run(f, c);
                            slowest.accumulateAndGet(took, (a, b) -> a.compareTo(b) >= 0 ? a : b);
                        }
                    });
                }
            }
        } finally {
            WorkflowFaultCase.shutdown();
        }
        tally.finish("slowest case " + slowest.get().toMillis() + " ms");
    }
}
