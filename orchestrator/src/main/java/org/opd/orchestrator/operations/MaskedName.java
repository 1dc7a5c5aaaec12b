package org.opd.orchestrator.operations;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A patient's name as screens and dashboards show it: each part's first letter, the rest hidden ("M*** I***"). */
public final class MaskedName {

    private MaskedName() {
    }

    public static String of(String name) {
        return Arrays.stream(name.strip().split("\\s+"))
                .filter(part -> !part.isEmpty())
                .map(part -> part.codePoints().limit(1)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + "***")
                .collect(Collectors.joining(" "));
    }
}
