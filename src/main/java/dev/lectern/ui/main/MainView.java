package dev.lectern.ui.main;

import dev.lectern.lecture.LectureSummary;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.ui.common.Dialogs;
import dev.lectern.ui.common.FxmlViews;
import dev.lectern.ui.common.ListWarmUp;
import dev.lectern.ui.common.Theme;
import dev.lectern.ui.runs.OlderRuns;
import dev.lectern.ui.runs.RunsPanel;
import dev.lectern.ui.segment.SegmentEditorView;
import dev.lectern.ui.store.BatchQueue;
import dev.lectern.ui.segment.SegmentEditorViewModel;
import dev.lectern.ui.store.LectureStore;
import dev.lectern.ui.store.ProjectSession;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import javafx.util.Duration;

/** The main window: segments on the left, the segment editor beside them, the runs panel on the right. */
public final class MainView {
    private static final Duration ONE_FRAME = Duration.millis(1000.0 / 60);
    private final MainViewModel model;
    private final SegmentEditorViewModel editor;
    private final ThumbnailLoader thumbnails;
    private final Dialogs dialogs;

    @FXML private StackPane windowLayers;
    @FXML private BorderPane root;
    @FXML private MenuBar menuBar;
    @FXML private ListView<SegmentItem> segmentList;
    @FXML private Label projectTitle;
    @FXML private Label status;
    @FXML private Label saveState;
    @FXML private HBox header;
    /** Made when the project has a second lecture: most have one, and a combo box is costly to style at start-up. */
    private ComboBox<LectureSummary> lectureChoice;
    @FXML private SplitPane split;
    @FXML private StackPane runsHolder;
    @FXML private StackPane center;
    private Parent startScreen;
    /** Null until the panes are attached (start-up). */
    private RunsPanel.Embedded runs;
    /** Built by {@link #attachPanes}; File ▸ Use Image File… asks it. */
    private SegmentEditorView editorView;
    /** The off-screen runs through the lists' rows (decision 0015); empty until start-up has ended. */
    private final List<ListWarmUp<?>> warmUps = new ArrayList<>();
    /** What the first frame shows where the panes will be (start-up only). */
    private Label placeholder;
    @FXML private Menu recentMenu;
    @FXML private Menu projectMenu;
    @FXML private Menu viewMenu;
    @FXML private MenuItem undoItem;
    @FXML private MenuItem redoItem;
    @FXML private MenuItem regenerateItem;
    @FXML private MenuItem useImageItem;
    @FXML private MenuItem regenerateLectureItem;
    @FXML private MenuItem regenerateSelectedItem;
    @FXML private MenuItem reviewItem;
    @FXML private MenuItem importItem;
    @FXML private MenuItem closeItem;
    @FXML private StackPane editorHolder;

    private final Theme theme;
    private final ReviewFlow reviewFlow;
    private final RunsPanel runsPanel;
    private final FxmlViews fxml;
    private final BatchQueue batchQueue;
    private final ProjectFileActions files;
    private final MenuCommands commands;

    @FXML private CheckMenuItem darkItem;
    @FXML private CheckMenuItem runsItem;
    @FXML private MenuItem settingsItem;

    @Inject
    public MainView(MainViewModel model, SegmentEditorViewModel editor, ThumbnailLoader thumbnails, Dialogs dialogs, Theme theme,
                    ReviewFlow reviewFlow, RunsPanel runsPanel, FxmlViews fxml, BatchQueue batchQueue, ProjectFileActions files,
                    MenuCommands commands) {
        this.fxml = fxml;
        this.files = files;
        this.commands = commands;
        this.batchQueue = batchQueue;
        this.reviewFlow = reviewFlow;
        this.runsPanel = runsPanel;
        this.model = model;
        this.editor = editor;
        this.thumbnails = thumbnails;
        this.dialogs = dialogs;
        this.theme = theme;
    }

    @FXML
    private void initialize() {
        ProjectSession session = model.session();
        LectureStore store = session.store();
        segmentList.setItems(store.segments());
        segmentList.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE); // for a batch of some
        segmentList.setCellFactory(list -> new SegmentCell(session::project, store, thumbnails));
        segmentList.setPlaceholder(new Label("This lecture has no segments yet. Import a lecture (File ▸ Import Lecture…)."));
        segmentList.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null) {
                editor.selectedProperty().set(item);
            }
        });
        store.segments().addListener((javafx.collections.ListChangeListener<SegmentItem>) c -> keepSelection());
        store.drafts().addListener((javafx.collections.MapChangeListener<String, Object>) c -> segmentList.refresh());
        projectTitle.textProperty().bind(model.projectTitleProperty());
        status.textProperty().bind(session.statusProperty());
        saveState.textProperty().bind(Bindings.createStringBinding(() -> {
            int drafts = store.drafts().size();
            String saved = store.saveStateProperty().get();
            String draftText = drafts == 0 ? "" : "✎ " + drafts + (drafts == 1 ? " segment edited" : " segments edited") + ", not yet regenerated";
            return draftText.isEmpty() ? saved : saved.isEmpty() ? draftText : draftText + " · " + saved;
        }, store.drafts(), store.saveStateProperty()));
        split.visibleProperty().bind(model.startScreenProperty().not());
        model.startScreenProperty().addListener((o, was, show) -> showStartScreen(show));
        showStartScreen(model.startScreenProperty().get());
        model.recent().addListener((javafx.collections.ListChangeListener<Path>) c -> rebuildRecentMenu());
        session.lectures().addListener((javafx.collections.ListChangeListener<LectureSummary>) c -> offerLectureChoice());
        offerLectureChoice();
        undoItem.disableProperty().bind(store.canUndoProperty().not());
        redoItem.disableProperty().bind(store.canRedoProperty().not());
        regenerateItem.disableProperty().bind(editor.selectedProperty().isNull());
        useImageItem.disableProperty().bind(editor.selectedProperty().isNull());
        regenerateLectureItem.disableProperty().bind(Bindings.isEmpty(session.store().segments()));
        regenerateSelectedItem.disableProperty().bind(Bindings.size(segmentList.getSelectionModel().getSelectedItems()).lessThan(2));
        importItem.disableProperty().bind(session.projectProperty().isNull());
        closeItem.disableProperty().bind(session.projectProperty().isNull());
        session.setOnError(this::showError);
        model.refreshRecent();
        darkItem.selectedProperty().bindBidirectional(theme.darkProperty());
        reviewFlow.attach(windowLayers);
        menuBar.disableProperty().bind(reviewFlow.showingProperty()); // a review is modal: no menu opens behind it
        reviewItem.disableProperty().bind(editor.selectedProperty().isNull());
        settingsItem.disableProperty().bind(session.projectProperty().isNull());
    }

    private void offerLectureChoice() {
        ProjectSession session = model.session();
        if (lectureChoice != null || session.lectures().size() < 2) {
            return;
        }
        lectureChoice = LectureChoice.create(session);
        header.getChildren().add(1, lectureChoice);
    }

    @FXML
    void toggleDark() {
        // the check item is bound to the theme; the binding did the work
    }

    @FXML
    void toggleRuns() {
        boolean show = runsItem.isSelected();
        if (show && !split.getItems().contains(runsHolder)) {
            split.getItems().add(runsHolder);
            split.setDividerPositions(0.26, 0.66);
        } else if (!show) {
            split.getItems().remove(runsHolder);
        }
    }

    @FXML
    void editSettings() {
        commands.editSettings(window());
    }

    @FXML
    void editProviders() {
        commands.editProviders(window());
    }

    public void openAtStartup(Optional<Path> requested) {
        model.openAtStartup(requested, this::showOpenError);
    }

    /** Where feature panels (runs, review) plug in. */
    public StackPane runsHolder() {
        return runsHolder;
    }

    public Menu projectMenu() {
        return projectMenu;
    }

    public Menu viewMenu() {
        return viewMenu;
    }

    public SplitPane split() {
        return split;
    }

    /**
     * Start-up (decision 0009): the window's first frame shows its frame (menus, title, status line) and where the
     * panes will be, which project is opening. The three panes, whose loading and first styling pass are the
     * largest piece of start-up, come with {@link #attachPanes}.
     */
    public void withholdPanes(Optional<Path> opening) {
        center.getChildren().remove(split);
        placeholder = new Label(opening.map(p -> "Opening " + p.getFileName() + "…").orElse("Starting…"));
        placeholder.getStyleClass().add("opening-placeholder");
        center.getChildren().add(placeholder);
    }

    /** Builds the segment editor and the runs panel and shows them in place of the start-up placeholder; once. */
    public void attachPanes() {
        center.getChildren().remove(placeholder);
        placeholder = null;
        FxmlViews.Loaded<SegmentEditorView> loaded = fxml.load(SegmentEditorView.class);
        editorView = loaded.controller();
        editorHolder.getChildren().setAll(loaded.root());
        runs = runsPanel.create(model.session().runs(), batchQueue.active(), batchQueue::runIdsOf, reviewFlow,
                OlderRuns.of(model.session().olderRunsProperty(), model.session().olderRunsArchivedProperty(),
                        model.session()::showOlderRuns), reviewFlow, this::segmentTitle);
        runsHolder.getChildren().setAll(runs.root());
        center.getChildren().add(0, split);
    }

    /**
     * After the first frame with the panes: builds, while the author looks, what they will soon need, and runs
     * the runs panel's and the segment list's rows off screen so that the first regenerations and the first
     * scroll are smooth (decision 0015; {@code -Dlectern.warmUp=false} leaves that out, to measure its worth).
     */
    public void prepareAhead() {
        reviewFlow.prepare();
        if (!"false".equals(System.getProperty("lectern.warmUp"))) {
            // The runs panel's first: the first regenerations bring a screenful of its rows at once.
            warmUps.add(runs.view().rowsWarmUp());
            warmUps.add(SegmentListWarmUp.of(segmentList, model.session().store(), thumbnails));
            warmUps.get(0).start();
            warmUps.get(1).start(ONE_FRAME);
        }
    }

    /** The window is closing: work done ahead stops. */
    public void stopWorkAhead() {
        warmUps.forEach(ListWarmUp::stop);
    }

    /** The selected segment's run that waits for review, if any. */
    public Optional<Run> reviewableRun() {
        return editor.activeRun().filter(r -> r.status() == RunStatus.AWAITING_REVIEW);
    }

    @FXML
    void openProject() {
        files.open(window());
    }

    @FXML
    void newProject() {
        files.create(window(), false);
    }

    @FXML
    void newSampleProject() {
        files.create(window(), true);
    }

    @FXML
    void openSample() {
        files.openSample(window());
    }

    @FXML
    void importLecture() {
        files.importLecture(window());
    }

    @FXML
    void closeProject() {
        model.close();
    }

    @FXML
    void undo() {
        model.session().store().undo();
    }

    @FXML
    void redo() {
        model.session().store().redo();
    }

    @FXML
    void useImageFile() {
        if (editorView != null) {
            editorView.chooseImageFile();
        }
    }

    @FXML
    void regenerate() {
        editor.regenerate();
    }

    @FXML
    void regenerateLecture() {
        commands.regenerateSome(window(), java.util.List.of());
    }

    @FXML
    void regenerateSelected() {
        commands.regenerateSome(window(), segmentList.getSelectionModel().getSelectedItems().stream().map(i -> i.video().id()).toList());
    }

    @FXML
    void openReview() {
        reviewableRun().ifPresent(reviewFlow::openReview);
    }

    private String segmentTitle(Run run) {
        return model.session().store().committed(run.segmentId())
                .map(v -> (v.position() + 1) + ". " + (v.title() == null || v.title().isBlank() ? v.id() : v.title()))
                .orElse(run.segmentId());
    }

    @FXML
    void quit() {
        Platform.exit();
    }

    private void keepSelection() {
        if (segmentList.getItems().isEmpty()) {
            editor.selectedProperty().set(null);
            return;
        }
        SegmentItem current = editor.selectedProperty().get();
        int index = 0;
        if (current != null) {
            for (int i = 0; i < segmentList.getItems().size(); i++) {
                if (segmentList.getItems().get(i).video().id().equals(current.video().id())) {
                    index = i;
                    break;
                }
            }
        }
        if (!segmentList.getSelectionModel().isSelected(index)) {
            segmentList.getSelectionModel().clearAndSelect(index); // a Shift/Ctrl-click selection that survived the change stays
        }
        editor.selectedProperty().set(segmentList.getItems().get(index));
    }

    private void rebuildRecentMenu() {
        recentMenu.getItems().clear();
        for (Path p : model.recent()) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> files.open(window(), p));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    /** The start screen is built the first time no project is open: most starts open one and never need it. */
    private void showStartScreen(boolean show) {
        if (startScreen == null && show) {
            startScreen = fxml.loadPart(new StartScreenView(model, files, this::window), "StartScreen.fxml");
            center.getChildren().add(startScreen);
        }
        if (startScreen != null) {
            startScreen.setVisible(show);
        }
    }

    private void showOpenError(Throwable error) {
        files.showOpenError(window(), error);
    }

    private void showError(Throwable error) {
        dialogs.showError(window(), "Something went wrong", error);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
