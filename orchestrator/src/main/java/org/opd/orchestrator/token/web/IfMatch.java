package org.opd.orchestrator.token.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opd.orchestrator.error.InvalidInputException;
import org.opd.orchestrator.token.ExpectedVersion;

/** Reads the {@code If-Match} header of a move: the token's ETag ({@code "3"}) as the client last saw it. */
final class IfMatch {

    static final String HEADER = "If-Match";
    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private IfMatch() {
    }

    /** No header, or {@code *}, accepts any version. */
    static ExpectedVersion parse(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return ExpectedVersion.ANY;
        }
        Matcher matcher = ETAG.matcher(header.strip());
        if (!matcher.matches()) {
            throw new InvalidInputException(HEADER, "must be the token's ETag, such as \"3\"");
        }
        return new ExpectedVersion(Long.parseLong(matcher.group(1)));
    }
}
