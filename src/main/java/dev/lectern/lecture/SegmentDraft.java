package dev.lectern.lecture;

/**
 * What the author typed for a segment and has not yet turned into a starting image: the seed's
 * {@code useAssetDraft}. Null fields mean "as committed". Saved as it is typed, so nothing typed is lost.
 */
public record SegmentDraft(String prompt, String model) {
    public static final SegmentDraft NONE = new SegmentDraft(null, null);

    public boolean isEmpty() {
        return prompt == null && model == null;
    }

    public SegmentDraft withPrompt(String value) {
        return new SegmentDraft(value, model);
    }

    public SegmentDraft withModel(String value) {
        return new SegmentDraft(prompt, value);
    }

    /** This draft minus what already matches the segment. */
    public SegmentDraft against(VideoAsset committed) {
        String p = prompt != null && prompt.equals(nullToEmpty(committed.segmentStartImagePrompt())) ? null : prompt;
        String m = model != null && model.equals(nullToEmpty(committed.startingImageModel())) ? null : model;
        return new SegmentDraft(p, m);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
