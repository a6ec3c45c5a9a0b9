package dev.lectern.lecture;

/**
 * One image a run received, stored as a version of the segment's image the moment it arrived. A run asks for
 * one or more ({@code image.candidates}); the review accepts one of them.
 *
 * @param index     1-based, in the order they arrived
 * @param seed      the seed the server used, when it took or told one
 * @param discarded the author threw it away in the review; kept until pruned
 */
public record Candidate(int index, String imageKey, int version, String sha256, int width, int height, Long seed,
                        boolean discarded) {
    public static final int MAX = 8;

    public PreviewImage asPreview() {
        return new PreviewImage(imageKey, version, sha256, width, height);
    }
}
