package dev.lectern.testing;

import java.util.List;

/**
 * Lecture records the importer must refuse, each with words its one-line message must contain. Shared by the
 * command-line tests and the reliability suite's import group.
 */
public final class BadRecords {
    private BadRecords() {
    }

    public record BadRecord(String body, String message) {
        @Override
        public String toString() {
            return body.length() > 60 ? body.substring(0, 60) + "…" : body;
        }
    }

    /** Malformed JSON, wrong types, missing fields, duplicate and unsafe ids. */
    public static List<BadRecord> all() {
        return List.of(
                new BadRecord("{\"id\": \"l1\", \"content\": {\"videos\": [", "is not valid JSON at line 1"),
                new BadRecord("[1, 2]", "must be a JSON object, found an array"),
                new BadRecord("{\"content\": {\"videos\": []}}", "id is missing"),
                new BadRecord("{\"id\": 5, \"content\": {\"videos\": []}}", "id must be a string, found a number"),
                new BadRecord("{\"id\": \"l1\"}", "content must be an object with a videos array, found nothing"),
                new BadRecord("{\"id\": \"l1\", \"content\": {\"videos\": {}}}", "content.videos must be an array, found an object"),
                new BadRecord("{\"id\": \"l1\", \"revision\": \"seven\", \"content\": {\"videos\": []}}", "revision must be a whole number, found a string"),
                new BadRecord("{\"id\": \"l1\", \"updatedAt\": \"yesterday\", \"content\": {\"videos\": []}}", "updatedAt of lecture l1 must be an ISO-8601 time"),
                new BadRecord("{\"id\": \"l1\", \"content\": {\"videos\": [{\"id\": \"v1\", \"segmentStartImagePrompt\": 3}]}}",
                        "content.videos[0].segmentStartImagePrompt must be a string, found a number"),
                new BadRecord("{\"id\": \"l1\", \"content\": {\"videos\": [{\"id\": \"v1\"}, {\"id\": \"v1\"}]}}", "two segments with id v1"),
                new BadRecord("{\"id\": \"../../etc\", \"content\": {\"videos\": []}}", "lecture id '../../etc' is not a valid id"),
                new BadRecord("{\"id\": \"l1\", \"content\": {\"videos\": [{\"id\": \"v1\", \"startingImageId\": \"../../secret\"}]}}",
                        "content.videos[0]: startingImageId of segment v1 '../../secret' is not a valid id"),
                new BadRecord("{\"id\": \"l1\", \"content\": {\"videos\": [{\"id\": \"a/b\"}]}}", "segment id 'a/b' is not a valid id"),
                new BadRecord("{\"id\": \"l1\", \"content\": {\"videos\": []}} trailing", "is not valid JSON"));
    }
}
