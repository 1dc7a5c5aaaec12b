package org.opd.security;

import java.util.List;

/**
 * Paths a service answers without an access token because they prove their caller otherwise
 * (a provider's signed delivery callback). Contributed as beans; everything else needs a token.
 */
public record PublicPaths(List<String> patterns) {

    public static PublicPaths of(String... patterns) {
        return new PublicPaths(List.of(patterns));
    }
}
