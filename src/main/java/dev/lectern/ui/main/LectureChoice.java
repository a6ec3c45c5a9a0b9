package dev.lectern.ui.main;

import dev.lectern.lecture.LectureSummary;
import dev.lectern.ui.store.LectureStore;
import dev.lectern.ui.store.ProjectSession;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/** The header's lecture picker, for a project with more than one lecture: "Title (12)"; choosing one shows it. */
final class LectureChoice {
    private LectureChoice() {
    }

    static ComboBox<LectureSummary> create(ProjectSession session) {
        LectureStore store = session.store();
        ComboBox<LectureSummary> choice = new ComboBox<>(session.lectures());
        choice.setId("lectureChoice");
        choice.setAccessibleText("Lecture");
        choice.visibleProperty().bind(Bindings.size(session.lectures()).greaterThan(1));
        choice.managedProperty().bind(choice.visibleProperty());
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(LectureSummary l) {
                return l == null ? "" : (l.title() == null ? l.id() : l.title()) + " (" + l.segmentCount() + ")";
            }

            @Override
            public LectureSummary fromString(String s) {
                return null;
            }
        });
        choice.setOnAction(e -> {
            LectureSummary chosen = choice.getValue();
            if (chosen != null && (store.lectureProperty().get() == null || !store.lectureProperty().get().id().equals(chosen.id()))) {
                session.showLecture(chosen.id());
            }
        });
        return choice;
    }
}
