package dev.runnel.porting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import map names only classes Runnel has, and leaves the imports of everything else for the compiler to name. */
class ImportMapTest {
    /** A rule's Flink side: {@code org\.apache\.flink\.<package>\.(A|B|C);} or {@code ...\.<package>\.Name;}. */
    private static final Pattern RULE = Pattern.compile(
        "^s/\\^import\\[\\[:space:]]\\+(org\\\\\\.apache\\\\\\.flink(?:\\\\\\.[a-z0-9]+)+)\\\\\\.(?:\\(([A-Za-z0-9|]+)\\)|([A-Z][A-Za-z0-9]*));/");

    @Test
    void everyFlinkImportTheMapRewritesCompilesAgainstRunnel(@TempDir Path classes) throws Exception {
        List<String> imports = mappedFlinkImports();
        assertThat(imports).hasSizeGreaterThan(100);
        StringBuilder source = new StringBuilder("package check;\n\n");
        imports.forEach(i -> source.append("import ").append(i).append(";\n"));
        source.append("\npublic class AllImports {}\n");

        String ported = ImportMap.rewrite(source.toString());

        assertThat(ported).doesNotContain("org.apache.flink");
        assertThat(ProgramCompiler.compile(ported, classes).errors()).isEmpty();
    }

    @Test
    void importsOfWhatRunnelLacksAreLeftForTheCompilerToName(@TempDir Path classes) throws Exception {
        String source = """
            package check;

            import org.apache.flink.types.Row;
            import org.apache.flink.api.java.typeutils.TypeExtractor;
            import org.apache.flink.api.java.tuple.Tuple2;

            public class Missing {}
            """;
        String ported = ImportMap.rewrite(source);
        assertThat(ported).contains("import org.apache.flink.types.Row;",
            "import org.apache.flink.api.java.typeutils.TypeExtractor;", "import dev.runnel.api.java.tuple.Tuple2;");
        assertThat(ProgramCompiler.compile(ported, classes).errors()).extracting(ProgramCompiler.Error::line)
            .containsExactly(3L, 4L);
    }

    @Test
    void flinksEnvironmentTypeIsRenamedInTheBodyAndTheStepTypesKeepTheirNames() throws Exception {
        String ported = ImportMap.rewrite("""
            SingleOutputStreamOperator<String> s = StreamExecutionEnvironment.getExecutionEnvironment().fromData("a");
            DataStreamSource<String> source;
            """);
        assertThat(ported).isEqualTo("""
            SingleOutputStreamOperator<String> s = StreamEnvironment.getExecutionEnvironment().fromData("a");
            DataStreamSource<String> source;
            """);
    }

    /** Every Flink class the map's rules name, fully qualified. */
    private static List<String> mappedFlinkImports() throws Exception {
        List<String> imports = new ArrayList<>();
        for (String line : Files.readAllLines(ImportMap.script())) {
            Matcher rule = RULE.matcher(line);
            if (!rule.find()) {
                continue;
            }
            String pkg = rule.group(1).replace("\\.", ".");
            String names = rule.group(2) != null ? rule.group(2) : rule.group(3);
            for (String name : names.split("\\|")) {
                imports.add(pkg + "." + name);
            }
        }
        return imports;
    }
}
