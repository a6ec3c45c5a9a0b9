package dev.lectern.lecture;

/**
 * What a run will ask the image model for, resolved once and stored with the run (seed §5.3).
 *
 * @param model        a model reference: {@code PROVIDER_ID/MODEL} or {@code titlecard}
 * @param modelSource  which rung of the priority chain chose the model, for people ("project image model")
 * @param prompt       the segment prompt the author wrote; saved on accept
 * @param styledPrompt the prompt with the project style applied; what the model receives
 */
public record GenerationSettings(
        String model,
        ModelSource modelSource,
        String prompt,
        String styledPrompt,
        int width,
        int height,
        String aspectRatio) {

    /** The rungs of seed §5.3, highest priority first. */
    public enum ModelSource {
        EDITOR("chosen in the editor"),
        PROJECT_VIDEO_IMAGE_MODEL("project setting video.imageModel"),
        PROJECT_IMAGE_MODEL("project setting image.model"),
        SEGMENT_MODEL("the segment's last model"),
        DEFAULT("Lectern's default");

        private final String description;

        ModelSource(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}
