package dev.runnel.compat.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.StreamEnvironment;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterToolTest {

    @Test
    void argumentsAreKeyValuePairsWithOneOrTwoDashesAndNumbersMayBeNegative() {
        ParameterTool params = ParameterTool.fromArgs(
            new String[] {"--input", "words.txt", "-window", "10", "--offset", "-3", "--verbose", "--ratio", "0.5"});
        assertThat(params.get("input")).isEqualTo("words.txt");
        assertThat(params.getInt("window")).isEqualTo(10);
        assertThat(params.getLong("offset")).isEqualTo(-3L);
        assertThat(params.getDouble("ratio")).isEqualTo(0.5);
        assertThat(params.has("verbose")).isTrue();
        assertThat(params.get("verbose")).isEqualTo(ParameterTool.NO_VALUE_KEY);
        assertThat(params.getNumberOfParameters()).isEqualTo(5);
    }

    @Test
    void missingKeysGiveNullOrTheDefaultAndRequiredOnesFailNamingTheKey() {
        ParameterTool params = ParameterTool.fromArgs(new String[] {"--a", "1"});
        assertThat(params.get("b")).isNull();
        assertThat(params.get("b", "x")).isEqualTo("x");
        assertThat(params.getInt("b", 7)).isEqualTo(7);
        assertThat(params.getBoolean("b", true)).isTrue();
        assertThat(params.has("b")).isFalse();
        assertThatThrownBy(() -> params.getRequired("b")).isInstanceOf(RuntimeException.class)
            .hasMessage("No data for required key 'b'");
        assertThatThrownBy(() -> params.getInt("b")).hasMessage("No data for required key 'b'");
    }

    @Test
    void anArgumentWithoutADashIsRefusedWithFlinksMessage() {
        assertThatThrownBy(() -> ParameterTool.fromArgs(new String[] {"input", "x"}))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Error parsing arguments '[input, x]' on 'input'. Please prefix keys with -- or -.");
        assertThatThrownBy(() -> ParameterTool.fromArgs(new String[] {"--"}))
            .hasMessage("The input [--] contains an empty argument");
    }

    @Test
    void mergeWithLetsTheOtherToolWinAndUnrequestedParametersAreTracked() {
        ParameterTool base = ParameterTool.fromMap(Map.of("a", "1", "b", "2"));
        ParameterTool merged = base.mergeWith(ParameterTool.fromArgs(new String[] {"--b", "3", "--c", "4"}));
        assertThat(merged.toMap()).containsOnly(Map.entry("a", "1"), Map.entry("b", "3"), Map.entry("c", "4"));
        merged.get("a");
        assertThat(merged.getUnrequestedParameters()).containsOnly("b", "c");
        assertThat(merged.getProperties()).containsEntry("c", "4");
    }

    @Test
    void propertiesFilesAreRead() throws Exception {
        ParameterTool params = ParameterTool.fromPropertiesFile(
            new ByteArrayInputStream("input=words.txt\nwindow=5\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(params.toMap()).containsOnly(Map.entry("input", "words.txt"), Map.entry("window", "5"));
    }

    @Test
    void aParameterToolIsTheJobsGlobalParameters() {
        StreamEnvironment env = StreamEnvironment.getExecutionEnvironment();
        ParameterTool params = ParameterTool.fromArgs(new String[] {"--input", "words.txt"});
        env.getConfig().setGlobalJobParameters(params);
        assertThat(env.getConfig().getGlobalJobParameters()).isSameAs(params);
        assertThat(env.getConfig().getGlobalJobParameters().toMap()).containsExactly(Map.entry("input", "words.txt"));
    }

    @Test
    void multipleParameterToolKeepsEveryValueOfARepeatedKeyAndTheLastAsJobParameter() {
        MultipleParameterTool params = MultipleParameterTool.fromArgs(
            new String[] {"--input", "a.txt", "--input", "b.txt", "--window", "3", "--flag"});
        assertThat(params.getMultiParameter("input")).containsExactly("a.txt", "b.txt");
        assertThat(params.getMultiParameterRequired("flag")).containsExactly(MultipleParameterTool.NO_VALUE_KEY);
        assertThat(params.getInt("window")).isEqualTo(3);
        assertThat(params.getMultiParameter("missing")).isNull();
        assertThatThrownBy(() -> params.get("input")).isInstanceOf(IllegalStateException.class)
            .hasMessage("Key input should has only one value.");
        assertThat(params.toMap()).containsExactly(
            Map.entry("input", "b.txt"), Map.entry("window", "3"), Map.entry("flag", MultipleParameterTool.NO_VALUE_KEY));
        MultipleParameterTool merged = params.mergeWith(MultipleParameterTool.fromArgs(new String[] {"--input", "c.txt"}));
        assertThat(merged.getMultiParameter("input")).isEqualTo(List.of("a.txt", "b.txt", "c.txt"));
    }
}
