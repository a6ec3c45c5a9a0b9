package dev.lectern.generation;

import static dev.lectern.testing.TestProjects.LECTURE;
import static dev.lectern.testing.TestProjects.SEGMENT;
import static dev.lectern.testing.TestProjects.SEGMENT_REF;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.provider.Automatic1111Format;
import dev.lectern.provider.ComfyUiFormat;
import dev.lectern.provider.OpenAiFormat;
import dev.lectern.provider.WireFault;
import dev.lectern.provider.WireFormat;
import dev.lectern.storage.LectureExporter;
import dev.lectern.storage.Project;
import dev.lectern.testing.TestProjects;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The "Must show" for image servers, through the whole regenerate workflow ({@link WorkflowFaultCase}):
 * every fault ends the run failed with one clear line and leaves the lecture and the segment as they were;
 * every success leaves a preview for review and changes the segment only when it is accepted.
 */
class WorkflowFaultMatrixTest {
    static Stream<Arguments> matrix() {
        return Stream.of(new OpenAiFormat(), new Automatic1111Format(), new ComfyUiFormat())
                .flatMap(f -> Stream.of(WireFault.values()).map(c -> Arguments.of(f, c)));
    }

    @TempDir
    Path dir;
    private WorkflowFaultCase fault;

    @BeforeEach
    void start() throws Exception {
        fault = new WorkflowFaultCase(dir);
    }

    @AfterEach
    void stop() {
        fault.close();
    }

    @AfterAll
    static void shutdown() {
        WorkflowFaultCase.shutdown();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("matrix")
    void regenerate_ends_in_the_stated_outcome_and_only_an_accept_changes_the_segment(WireFormat f, WireFault c) throws Exception {
        fault.run(f, c);
    }

    @Test
    void a_model_of_a_provider_nobody_configured_fails_the_run_and_says_how_to_add_it() {
        Injector injector = fault.injector(null);
        RunService runs = injector.getInstance(RunService.class);
        LectureExporter exporter = injector.getInstance(LectureExporter.class);
        Project p = fault.openProject(injector);
        String exportBefore = exporter.exportJson(p, LECTURE);

        Run run = runs.regenerate(p, SEGMENT_REF, null, "studio-gpu/sdxl-turbo");

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).doesNotContain("\n").contains("studio-gpu").contains("not configured")
                .contains("lectern providers add studio-gpu");
        assertThat(run.preview()).isNull();
        assertThat(exporter.exportJson(p, LECTURE)).isEqualTo(exportBefore);
        assertThat(p.images().versions(TestProjects.imageId(SEGMENT))).hasSize(1);
        assertThat(fault.server().getRequestCount()).isZero();
    }
}
