package org.opd.orchestrator.token;

/** A token together with its context, as one query loads them. */
public record LoadedToken(Token token, TokenContext context) {
}
