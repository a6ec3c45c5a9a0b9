package dev.lectern.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.lectern.app.AppModule;
import dev.lectern.lecture.ProjectSettings;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.ProvidersConfigStore;
import dev.lectern.provider.UserDirectories;
import dev.lectern.testing.FxStart;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The settings dialog through the real injector, with a providers list in a temporary config directory. */
class ProjectSettingsDialogTest {
    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private Injector injector;
    private Dialog<ProjectSettings> dialog;

    @BeforeAll
    static void startFx() throws Exception {
        FxStart.withAtlantaFx();
    }

    @BeforeEach
    void setUp() {
        UserDirectories dirs = new UserDirectories(Map.of("LECTERN_CONFIG_DIR", home.toString()), System::getProperty);
        injector = Guice.createInjector(Modules.override(new AppModule()).with(b -> b.bind(UserDirectories.class).toInstance(dirs)));
        injector.getInstance(ProvidersConfigStore.class).add(ProviderConfig.of("local-sd", ProviderConfig.Type.AUTOMATIC1111,
                "http://127.0.0.1:7860", null, List.of("sdxl", "dreamshaper_8")), false);
    }

    @AfterEach
    void closeDialog() {
        robot.interact(() -> {
            if (dialog != null && dialog.isShowing()) {
                dialog.setResult(null);
                dialog.close();
            }
        });
    }

    private void open(ProjectSettings current) {
        robot.interact(() -> {
            dialog = injector.getInstance(ProjectSettingsDialog.class).create(null, current);
            dialog.show();
        });
    }

    private <T extends Node> T field(String id, Class<T> type) {
        return robot.lookup("#" + id).queryAs(type);
    }

    private TextField text(String id) {
        return field(id, TextField.class);
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> combo(String id) {
        return field(id, ComboBox.class);
    }

    private Button ok() {
        return (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
    }

    private void set(String id, String value) {
        Node node = robot.lookup("#" + id).query();
        robot.interact(() -> {
            if (node instanceof ComboBox<?> c) {
                c.getEditor().setText(value);
            } else {
                ((javafx.scene.control.TextInputControl) node).setText(value);
            }
        });
    }

    private String effect() {
        return field("effect", Label.class).getText();
    }

    private void waitForEffect(String expected) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> effect().startsWith(expected));
    }

    @Test
    void showsTheCurrentValuesAndOffersTheConfiguredModels() throws Exception {
        open(ProjectSettings.EMPTY.with(ProjectSettings.IMAGE_MODEL, "local-sd/sdxl").with(ProjectSettings.IMAGE_WIDTH, "1280")
                .with(ProjectSettings.IMAGE_ASPECT_RATIO, "16:9").with(ProjectSettings.IMAGE_STYLE, "flat\nmuted colours"));
        assertThat(combo("imageModel").getEditor().getText()).isEqualTo("local-sd/sdxl");
        assertThat(combo("videoImageModel").getEditor().getText()).isEmpty();
        assertThat(text("width").getText()).isEqualTo("1280");
        assertThat(text("height").getText()).isEmpty();
        assertThat(text("aspectRatio").getText()).isEqualTo("16:9");
        assertThat(field("style", TextArea.class).getText()).isEqualTo("flat\nmuted colours");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> combo("imageModel").getItems().size() == 3);
        assertThat(combo("imageModel").getItems()).containsExactly("titlecard", "local-sd/sdxl", "local-sd/dreamshaper_8");
        assertThat(combo("videoImageModel").getItems()).containsExactly("titlecard", "local-sd/sdxl", "local-sd/dreamshaper_8");
        assertThat(ok().isDisabled()).isFalse();
        assertThat(dialog.getHeight()).as("fits a laptop screen").isLessThan(720);
    }

    @Test
    void typingWideInWidthShowsTheDomainMessageAndDisablesOk() {
        open(ProjectSettings.EMPTY);
        Label error = field("widthError", Label.class);
        assertThat(error.isVisible()).isFalse();

        robot.clickOn("#width").write("wide");
        assertThat(text("width").getText()).isEqualTo("wide");
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("image.width must be a whole number of pixels from 64 to 8192, got 'wide'");
        assertThat(ok().isDisabled()).isTrue();

        robot.type(KeyCode.ENTER);
        assertThat(dialog.isShowing()).as("Enter does not accept invalid settings").isTrue();

        set("width", "1024");
        assertThat(error.isVisible()).isFalse();
        assertThat(ok().isDisabled()).isFalse();
    }

    @Test
    void validEditsAreReturnedOnEnter() {
        open(ProjectSettings.EMPTY.with(ProjectSettings.IMAGE_MODEL, "titlecard"));
        set("imageModel", "local-sd/sdxl");
        set("videoImageModel", "local-sd/dreamshaper_8");
        set("height", "576");
        set("aspectRatio", "16:9");
        set("style", "flat illustration");
        set("candidates", "9");
        assertThat(field("candidatesError", Label.class).getText()).contains("from 1 to 8");
        assertThat(ok().isDisabled()).isTrue();
        set("candidates", "4");
        set("archiveAfterDays", "-1");
        assertThat(field("archiveAfterDaysError", Label.class).getText()).contains("from 0 (never) to 36500");
        assertThat(ok().isDisabled()).isTrue();
        set("archiveAfterDays", "90");
        robot.clickOn("#width").write("1024").type(KeyCode.ENTER);

        assertThat(dialog.isShowing()).isFalse();
        assertThat(dialog.getResult()).isEqualTo(new ProjectSettings(
                new ProjectSettings.Image("local-sd/sdxl", 1024, 576, "16:9", "flat illustration", 4),
                new ProjectSettings.Video("local-sd/dreamshaper_8"), new ProjectSettings.Runs(90)));
    }

    @Test
    void escapeCancelsAndReturnsNothing() {
        open(ProjectSettings.EMPTY);
        robot.clickOn("#width").write("1024").type(KeyCode.ESCAPE);
        assertThat(dialog.isShowing()).isFalse();
        assertThat(dialog.getResult()).isNull();
    }

    @Test
    void clearingAFieldClearsTheKey() {
        ProjectSettings current = ProjectSettings.EMPTY.with(ProjectSettings.IMAGE_WIDTH, "1280")
                .with(ProjectSettings.IMAGE_STYLE, "flat").with(ProjectSettings.VIDEO_IMAGE_MODEL, "local-sd/sdxl");
        open(current);
        set("width", "");
        set("videoImageModel", "  ");
        robot.interact(() -> ok().fire());

        ProjectSettings result = dialog.getResult();
        assertThat(result.image().width()).isNull();
        assertThat(result.video().imageModel()).isNull();
        assertThat(result.image().style()).as("untouched fields are kept").isEqualTo("flat");
        assertThat(result.asMap()).containsEntry(ProjectSettings.IMAGE_WIDTH, null);
    }

    @Test
    void theWillUseLineFollowsThePriorityChain() throws Exception {
        open(ProjectSettings.EMPTY);
        waitForEffect("Regenerations will use: titlecard (Lectern's default), 1280×720");

        set("imageModel", "local-sd/sdxl");
        waitForEffect("Regenerations will use: local-sd/sdxl (project setting image.model), 1024×576");

        set("videoImageModel", "titlecard");
        waitForEffect("Regenerations will use: titlecard (project setting video.imageModel), 1280×720");

        set("width", "640");
        set("aspectRatio", "4:3");
        waitForEffect("Regenerations will use: titlecard (project setting video.imageModel), 640×480");

        set("videoImageModel", "");
        waitForEffect("Regenerations will use: local-sd/sdxl (project setting image.model), 640×480");

        set("imageModel", "sdxl");
        waitForEffect("Regenerations will fail: the image model 'sdxl' has no provider");
        assertThat(ok().isDisabled()).as("the project file accepts it; the line warns").isFalse();
    }
}
