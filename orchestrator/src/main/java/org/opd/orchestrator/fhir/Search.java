package org.opd.orchestrator.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The parameters of one search or operation, read strictly: an unknown parameter, a repeated one that may not
 * repeat and a malformed value are refused with 400, as HAPI's own server does, rather than ignored.
 */
final class Search {

    static final int DEFAULT_COUNT = 50;
    static final int MAX_COUNT = 500;
    /** What every search takes besides its own parameters. */
    private static final Set<String> GENERAL = Set.of("_format", "_pretty", "_count", "_offset");
    private static final Pattern PREFIXED = Pattern.compile("^(eq|ne|gt|lt|ge|le|sa|eb|ap)?(\\d.*)$");
    private static final Pattern DATE_TIME_NO_ZONE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$");

    /** A half-open range of instants; a null end is open. */
    record Range(Instant from, Instant to) {

        static final Range ALL = new Range(null, null);

        boolean contains(Instant at) {
            return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
        }

        boolean overlaps(Instant start, Instant end) {
            return (from == null || end.isAfter(from)) && (to == null || start.isBefore(to));
        }
    }

    private final Map<String, List<String>> values;

    private Search(Map<String, List<String>> values) {
        this.values = values;
    }

    /** The query string's parameters, each name one of {@code known} (or a general one). */
    static Search of(HttpServletRequest request, String... known) {
        Map<String, List<String>> values = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
            values.put(entry.getKey(), List.of(entry.getValue()));
        }
        return checked(values, known);
    }

    /** An operation's {@code Parameters} body; each parameter's value as its string form, a reference as its text. */
    static Search of(Parameters parameters, String... known) {
        Map<String, List<String>> values = new java.util.LinkedHashMap<>();
        for (Parameters.ParametersParameterComponent p : parameters.getParameter()) {
            if (p.getResource() != null) {
                continue;
            }
            Type value = p.getValue();
            String text = value instanceof Reference reference ? reference.getReference()
                    : value == null ? null : value.primitiveValue();
            if (text == null) {
                throw FhirException.badParameter(p.getName(), "has no value this operation can read");
            }
            values.computeIfAbsent(p.getName(), k -> new ArrayList<>()).add(text);
        }
        return checked(values, known);
    }

    private static Search checked(Map<String, List<String>> values, String... known) {
        Set<String> allowed = new LinkedHashSet<>(GENERAL);
        allowed.addAll(Arrays.asList(known));
        for (String name : values.keySet()) {
            if (!allowed.contains(name)) {
                throw FhirException.badParameter(name, "is not supported here; supported: " + String.join(", ", allowed));
            }
        }
        Search search = new Search(values);
        String format = search.one("_format").orElse("json");
        if (!Set.of("json", "application/json", "application/fhir+json").contains(format)) {
            throw FhirException.badParameter("_format", "must be json: only JSON is served");
        }
        return search;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    Optional<String> one(String name) {
        List<String> given = values.get(name);
        if (given == null || given.isEmpty()) {
            return Optional.empty();
        }
        if (given.size() > 1) {
            throw FhirException.badParameter(name, "may be given once");
        }
        if (given.get(0).isBlank()) {
            throw FhirException.badParameter(name, "is empty");
        }
        return Optional.of(given.get(0));
    }

    String required(String name) {
        return one(name).orElseThrow(() -> FhirException.badParameter(name, "is required"));
    }

    /** A token parameter's codes: comma-separated alternatives, each {@code code} or {@code system|code}. */
    Optional<List<String>> codes(String name, String system) {
        return one(name).map(v -> Arrays.stream(v.split(",")).map(String::trim).map(code -> {
            int bar = code.indexOf('|');
            if (bar >= 0) {
                String given = code.substring(0, bar);
                if (!given.isEmpty() && !given.equals(system)) {
                    throw FhirException.badParameter(name, "takes codes of " + system);
                }
                code = code.substring(bar + 1);
            }
            if (code.isEmpty()) {
                throw FhirException.badParameter(name, "has an empty code");
            }
            return code;
        }).toList());
    }

    /** A status-like token whose codes must be among {@code allowed}. */
    Optional<List<String>> codesAmong(String name, Set<String> allowed) {
        Optional<List<String>> codes = codes(name, null);
        codes.ifPresent(list -> list.stream().filter(c -> !allowed.contains(c)).findFirst().ifPresent(c -> {
            throw FhirException.badParameter(name, "has the unknown code '" + c + "'; one of " + String.join(", ", allowed));
        }));
        return codes;
    }

    Optional<Boolean> bool(String name) {
        return one(name).map(v -> switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw FhirException.badParameter(name, "must be true or false");
        });
    }

    /** A reference parameter to one of {@code types}: {@code Type/id}, a bare id when one type is allowed, or an absolute URL. */
    Optional<Ref> reference(String name, String... types) {
        return one(name).map(v -> parseReference(name, v, types));
    }

    record Ref(String type, UUID id) {
    }

    static Ref parseReference(String name, String value, String... types) {
        String text = value.replaceFirst("/_history/.*$", "");
        String[] parts = text.split("/");
        String type = parts.length >= 2 ? parts[parts.length - 2] : types.length == 1 ? types[0] : null;
        String id = parts[parts.length - 1];
        if (type == null || !Arrays.asList(types).contains(type)) {
            throw FhirException.badParameter(name, "must reference a " + String.join(" or ", types) + " (Type/id)");
        }
        return new Ref(type, uuid(name, id));
    }

    static UUID uuid(String name, String id) {
        try {
            if (id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        throw FhirException.badParameter(name, "names an id this server never issues");
    }

    int count() {
        return one("_count").map(v -> integer("_count", v, 0, MAX_COUNT)).orElse(DEFAULT_COUNT);
    }

    int offset() {
        return one("_offset").map(v -> integer("_offset", v, 0, Integer.MAX_VALUE)).orElse(0);
    }

    private static int integer(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw FhirException.badParameter(name, "must be a whole number from " + min + " to " + max);
    }

    /**
     * A date parameter, each value a prefix (eq, ge, gt, le, lt; none is eq) and a date of any precision or a
     * date-time; several values all apply. Dates without a zone are in {@code zone}.
     */
    Range range(String name, ZoneId zone) {
        List<String> given = values.get(name);
        if (given == null) {
            return Range.ALL;
        }
        Instant from = null;
        Instant to = null;
        for (String value : given) {
            Matcher m = PREFIXED.matcher(value);
            if (!m.matches()) {
                throw FhirException.badParameter(name, "must be a date (2025-01-31) or date-time, with a prefix ge, gt, le, lt or eq");
            }
            String prefix = m.group(1) == null ? "eq" : m.group(1);
            Range span = span(name, m.group(2), zone);
            switch (prefix) {
                case "eq" -> {
                    from = later(from, span.from());
                    to = earlier(to, span.to());
                }
                case "ge" -> from = later(from, span.from());
                case "gt" -> from = later(from, span.to());
                case "le" -> to = earlier(to, span.to());
                case "lt" -> to = earlier(to, span.from());
                default -> throw FhirException.badParameter(name, "takes the prefixes eq, ge, gt, le and lt only");
            }
        }
        return new Range(from, to);
    }

    /** The stretch of time one value names: a whole year, month or day, or one instant (to the next second). */
    private static Range span(String name, String value, ZoneId zone) {
        try {
            if (value.matches("\\d{4}")) {
                LocalDate first = LocalDate.of(Integer.parseInt(value), 1, 1);
                return new Range(first.atStartOfDay(zone).toInstant(), first.plusYears(1).atStartOfDay(zone).toInstant());
            }
            if (value.matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(value);
                return new Range(month.atDay(1).atStartOfDay(zone).toInstant(), month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
            }
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate day = LocalDate.parse(value);
                return new Range(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
            }
            Instant at = DATE_TIME_NO_ZONE.matcher(value).matches()
                    ? java.time.LocalDateTime.parse(value).atZone(zone).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
            return new Range(at, at.plusSeconds(1));
        } catch (java.time.DateTimeException e) {
            throw FhirException.badParameter(name, "is not a valid date or date-time");
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
