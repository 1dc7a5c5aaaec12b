package org.opd.deploy.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The repository's deployment files and the modules they run, read as a reviewer would read them. */
final class DeploymentFiles {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path KUBERNETES = ROOT.resolve("deploy/k8s");
    static final Path COMPOSE = ROOT.resolve("deploy/compose/compose.yaml");

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(OPD_[A-Z0-9_]+)");
    private static final Pattern SETUP_VARIABLE = Pattern.compile("env\\(\"(OPD_[A-Z0-9_]+)\"");
    private static final Pattern VERSION = Pattern.compile("<artifactId>opd-orchestrator-parent</artifactId>\\s*<version>([^<]+)</version>");

    private DeploymentFiles() {
    }

    /** Every document of every manifest in deploy/k8s (empty documents, such as a leading comment, left out). */
    static List<JsonNode> kubernetesDocuments() {
        List<JsonNode> documents = new ArrayList<>();
        for (Path file : kubernetesFiles()) {
            try (var parser = new YAMLFactory().createParser(file.toFile())) {
                YAML.readValues(parser, JsonNode.class).readAll().stream()
                        .filter(document -> document != null && !document.isNull() && !document.isMissingNode())
                        .forEach(documents::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return documents;
    }

    static List<Path> kubernetesFiles() {
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pod template's containers of a workload (Deployment, StatefulSet, Job), or none for other kinds. */
    static List<JsonNode> containers(JsonNode document) {
        JsonNode containers = document.at("/spec/template/spec/containers");
        List<JsonNode> all = new ArrayList<>();
        containers.forEach(all::add);
        return all;
    }

    static boolean isWorkload(JsonNode document) {
        return Set.of("Deployment", "StatefulSet", "Job").contains(document.path("kind").asText());
    }

    /** The module an image of ours is built from (Jib: opd/&lt;module&gt;:&lt;version&gt;), or null for another image. */
    static String moduleOf(String image) {
        if (!image.startsWith("opd/")) {
            return null;
        }
        int tag = image.indexOf(':');
        return image.substring("opd/".length(), tag < 0 ? image.length() : tag);
    }

    /** The modules whose pom builds a container image with Jib. */
    static Set<String> imageModules() {
        Set<String> modules = new TreeSet<>();
        for (String module : List.of("orchestrator", "cdc-connector", "eta-calculator", "notifier", "deploy", "schemas",
                "security", "test-support")) {
            if (text(ROOT.resolve(module).resolve("pom.xml")).contains("<artifactId>jib-maven-plugin</artifactId>")) {
                modules.add(module);
            }
        }
        return modules;
    }

    static String projectVersion() {
        Matcher version = VERSION.matcher(text(ROOT.resolve("orchestrator/pom.xml")));
        if (!version.find()) {
            throw new IllegalStateException("No parent version in orchestrator/pom.xml");
        }
        return version.group(1);
    }

    /**
     * The environment variables a module reads: the placeholders of its own yml, or for the set-up command
     * (module deploy) the variables {@code SetupConfig} reads; and the JVM's own options variable.
     */
    static Set<String> settingsReadBy(String module) {
        Set<String> settings = new TreeSet<>(Set.of("JAVA_TOOL_OPTIONS"));
        Matcher names = module.equals("deploy")
                ? SETUP_VARIABLE.matcher(text(ROOT.resolve("deploy/src/main/java/org/opd/deploy/setup/SetupConfig.java")))
                : PLACEHOLDER.matcher(text(ROOT.resolve(module).resolve("src/main/resources").resolve(module + ".yml")));
        while (names.find()) {
            settings.add(names.group(1));
        }
        return settings;
    }

    /** A container's environment variable names (Kubernetes: a list of name/value; compose: a map). */
    static Set<String> variableNames(JsonNode environment) {
        Set<String> names = new TreeSet<>();
        if (environment.isArray()) {
            environment.forEach(variable -> names.add(variable.path("name").asText()));
        } else {
            environment.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    static JsonNode variable(JsonNode kubernetesContainer, String name) {
        for (JsonNode variable : kubernetesContainer.path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable;
            }
        }
        return MissingNode.getInstance();
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
