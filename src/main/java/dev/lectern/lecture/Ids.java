package dev.lectern.lecture;

/**
 * Ids become file names (exported images), cache keys and SQL keys, so every id from outside is checked here
 * before it is used for anything.
 */
public final class Ids {
    public static final int MAX_LENGTH = 128;
    private static final String FORBIDDEN = "/\\:*?\"<>|%";

    private Ids() {
    }

    /** Returns {@code id} if it is safe as a path segment and key; otherwise says which rule it breaks. */
    public static String requireValid(String what, String id) {
        String problem = problem(id);
        if (problem != null) {
            throw new InvalidInputException(what + " " + quote(id) + " is not a valid id: " + problem);
        }
        return id;
    }

    public static boolean isValid(String id) {
        return problem(id) == null;
    }

    private static String problem(String id) {
        if (id == null || id.isEmpty()) {
            return "it is empty";
        }
        if (id.length() > MAX_LENGTH) {
            return "it is longer than " + MAX_LENGTH + " characters";
        }
        if (id.contains("..")) {
            return "it contains '..'";
        }
        if (id.startsWith(".") || id.startsWith("-")) {
            return "it starts with '" + id.charAt(0) + "'";
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (FORBIDDEN.indexOf(c) >= 0) {
                return "it contains '" + c + "'";
            }
            if (Character.isWhitespace(c) || Character.isISOControl(c) || !Character.isDefined(c)
                    || Character.getType(c) == Character.FORMAT || Character.isSurrogate(c)) {
                return "it contains a space or an unprintable character";
            }
        }
        return null;
    }

    private static String quote(String id) {
        if (id == null) {
            return "(missing)";
        }
        String shown = id.length() > 40 ? id.substring(0, 40) + "…" : id;
        StringBuilder sb = new StringBuilder("'");
        shown.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.append('\'').toString();
    }
}
