package dev.lectern.lecture;

/**
 * What a run will ask the image model for, resolved once and stored with the run (seed §5.3).
 *
 * @param model        a model reference: {@code PROVIDER_ID/MODEL}, {@code titlecard}, or {@code file} for the author's own image
 * @param modelSource  which rung of the priority chain chose the model, for people ("project image model")
 * @param prompt       the segment prompt the author wrote; saved on accept
 * @param styledPrompt the prompt with the project style applied; what the model receives
 * @param candidates   how many images to ask for, 1 to {@value Candidate#MAX}
 * @param seed         the seed of the first image (the next ones take the following numbers), null to derive it from the run id
 */
public record GenerationSettings(
        String model,
        ModelSource modelSource,
        String prompt,
        String styledPrompt,
        int width,
        int height,
        String aspectRatio,
        int candidates,
        Long seed) {

    public GenerationSettings {
        candidates = Math.max(1, candidates); // settings stored before candidates existed read as 0
        if (candidates > Candidate.MAX) {
            throw new InvalidInputException("a run asks for at most " + Candidate.MAX + " images, not " + candidates);
        }
    }

    /** One image, its seed from the run id: what a run asked for before candidates. */
    public GenerationSettings(String model, ModelSource modelSource, String prompt, String styledPrompt, int width, int height,
                              String aspectRatio) {
        this(model, modelSource, prompt, styledPrompt, width, height, aspectRatio, 1, null);
    }

    /** The rungs of seed §5.3, highest priority first. */
    public enum ModelSource {
        EDITOR("chosen in the editor"),
        PROJECT_VIDEO_IMAGE_MODEL("project setting video.imageModel"),
        PROJECT_IMAGE_MODEL("project setting image.model"),
        SEGMENT_MODEL("the segment's last model"),
        DEFAULT("Lectern's default"),
        FILE("the author's own image file");

        private final String description;

        ModelSource(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}
