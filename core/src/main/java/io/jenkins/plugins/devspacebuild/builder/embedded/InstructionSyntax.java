package io.jenkins.plugins.devspacebuild.builder.embedded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How Docker's parser splits an instruction's arguments before they are expanded: the JSON (exec) form, words
 * separated by whitespace, words that keep quoted whitespace ({@code ENV}, {@code LABEL}, {@code ARG}), and the
 * {@code --flag=value} options in front of {@code COPY}, {@code ADD} and {@code FROM}.
 */
final class InstructionSyntax {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private InstructionSyntax() {
    }

    /** The exec form: a JSON array of strings; empty when the text is not one (then it is the shell form). */
    static Optional<List<String>> jsonArray(String args) {
        String t = args.strip();
        if (!t.startsWith("[")) {
            return Optional.empty();
        }
        JsonNode n;
        try {
            n = JSON.readTree(t);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (n == null || !n.isArray()) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                return Optional.empty();
            }
            out.add(e.asText());
        }
        return Optional.of(out);
    }

    /** Words separated by whitespace, quotes not considered (COPY, ADD, EXPOSE, VOLUME in their plain form). */
    static List<String> whitespaceWords(String args) {
        List<String> out = new ArrayList<>();
        for (String w : args.strip().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * Words separated by whitespace outside quotes; quotes and escapes stay in the words (they are removed when the
     * word is expanded). Docker's rule for ENV, LABEL and ARG.
     */
    static List<String> quotedWords(String args, char escape) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean blankOk = false;
        char quote = 0;
        int n = args.length();
        for (int i = 0; i < n; i++) {
            char c = args.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == escape && quote != '\'') {
                    if (i + 1 == n) {
                        quote = 0;
                        continue;
                    }
                    word.append(c);
                    c = args.charAt(++i);
                }
                word.append(c);
                continue;
            }
            if (!inWord) {
                if (Character.isWhitespace(c)) {
                    continue;
                }
                inWord = true;
            }
            if (Character.isWhitespace(c)) {
                if (blankOk || word.length() > 0) {
                    words.add(word.toString());
                }
                word.setLength(0);
                blankOk = false;
                inWord = false;
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                blankOk = true;
            } else if (c == escape) {
                if (i + 1 == n) {
                    continue;
                }
                word.append(c);
                c = args.charAt(++i);
            }
            word.append(c);
        }
        if (inWord && (blankOk || word.length() > 0)) {
            words.add(word.toString());
        }
        return words;
    }

    /** A {@code key=value} pair as written (not yet expanded). */
    record NameValue(String name, String value) {
    }

    /**
     * ENV and LABEL arguments: {@code key=value ...}, or the old form {@code key value with spaces} when the first word
     * has no '='.
     *
     * @throws IllegalArgumentException with Docker's explanation
     */
    static List<NameValue> nameValues(String keyword, String args, char escape) {
        List<String> words = quotedWords(args, escape);
        if (words.isEmpty()) {
            throw new IllegalArgumentException(keyword + " requires at least one argument");
        }
        List<NameValue> out = new ArrayList<>();
        if (!words.get(0).contains("=")) {
            String rest = args.strip();
            int sp = indexOfWhitespace(rest);
            if (sp < 0) {
                throw new IllegalArgumentException(keyword + " " + rest + " has no value; write " + keyword + " " + rest + "=value");
            }
            out.add(new NameValue(rest.substring(0, sp), rest.substring(sp).strip()));
            return out;
        }
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("'" + w + "' is not of the form key=value; " + keyword + " takes key=value pairs");
            }
            if (eq == 0) {
                throw new IllegalArgumentException("'" + w + "' has no name before '='");
            }
            out.add(new NameValue(w.substring(0, eq), w.substring(eq + 1)));
        }
        return out;
    }

    /** ARG arguments: {@code name} or {@code name=default}, one or more; the value is null when there is no '='. */
    static List<NameValue> argDeclarations(String args, char escape) {
        List<String> words = quotedWords(args, escape);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("ARG requires at least one argument");
        }
        List<NameValue> out = new ArrayList<>();
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq == 0) {
                throw new IllegalArgumentException("'" + w + "' has no name before '='");
            }
            out.add(eq < 0 ? new NameValue(w, null) : new NameValue(w.substring(0, eq), w.substring(eq + 1)));
        }
        return out;
    }

    /** Options in front of the arguments, and the rest. */
    record Flagged(Map<String, String> flags, String rest) {
    }

    /**
     * Splits leading {@code --name=value} and {@code --name} options off (a bare {@code --name} has the value "true";
     * {@code --} ends the options).
     */
    static Flagged flags(String args) {
        Map<String, String> flags = new LinkedHashMap<>();
        String rest = args.strip();
        while (rest.startsWith("--")) {
            int sp = indexOfWhitespace(rest);
            String word = sp < 0 ? rest : rest.substring(0, sp);
            rest = sp < 0 ? "" : rest.substring(sp).strip();
            if (word.equals("--")) {
                break;
            }
            int eq = word.indexOf('=');
            if (eq < 0) {
                flags.put(word.substring(2), "true");
            } else {
                flags.put(word.substring(2, eq), word.substring(eq + 1));
            }
        }
        return new Flagged(flags, rest);
    }

    static int indexOfWhitespace(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (Character.isWhitespace(s.charAt(k))) {
                return k;
            }
        }
        return -1;
    }
}
