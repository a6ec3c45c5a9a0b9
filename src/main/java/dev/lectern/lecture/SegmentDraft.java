package dev.lectern.lecture;

/**
 * What the author typed for a segment and has not yet turned into a starting image: the seed's
 * {@code useAssetDraft}. Null fields mean "as committed". Saved as it is typed, so nothing typed is lost.
 *
 * @param seed a seed recalled from an earlier version ("Use these settings"), null for a fresh one
 */
public record SegmentDraft(String prompt, String model, Long seed) {
    public static final SegmentDraft NONE = new SegmentDraft(null, null, null);

    public SegmentDraft(String prompt, String model) {
        this(prompt, model, null);
    }

    public boolean isEmpty() {
        return prompt == null && model == null && seed == null;
    }

    public SegmentDraft withPrompt(String value) {
        return new SegmentDraft(value, model, seed);
    }

    public SegmentDraft withModel(String value) {
        return new SegmentDraft(prompt, value, seed);
    }

    public SegmentDraft withSeed(Long value) {
        return new SegmentDraft(prompt, model, value);
    }

    /** This draft minus what already matches the segment (a seed is never part of the segment: it stays). */
    public SegmentDraft against(VideoAsset committed) {
        String p = prompt != null && prompt.equals(nullToEmpty(committed.segmentStartImagePrompt())) ? null : prompt;
        String m = model != null && model.equals(nullToEmpty(committed.startingImageModel())) ? null : model;
        return new SegmentDraft(p, m, seed);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
