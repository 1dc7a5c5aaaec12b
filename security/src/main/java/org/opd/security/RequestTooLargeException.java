package org.opd.security;

import java.io.IOException;

/** A body without a declared length went past the limit while it was read; answered as 413. */
public class RequestTooLargeException extends IOException {

    private final long maxBytes;

    RequestTooLargeException(long maxBytes) {
        super("A request body may have at most " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
