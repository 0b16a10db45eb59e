package dev.handshake.cli.explain;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    @Test
    void writesObjectsInOrderWithListsNumbersBooleansNullAndBytesAsHex() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("b", 1);
        object.put("a", List.of(true, false, 12_345_678_901L));
        object.put("none", null);
        object.put("bytes", new byte[] {0x00, (byte) 0xff, 0x10});
        object.put("nested", Map.of("k", "v"));

        assertThat(Json.write(object))
            .isEqualTo("{\"b\":1,\"a\":[true,false,12345678901],\"none\":null,\"bytes\":\"00ff10\",\"nested\":{\"k\":\"v\"}}");
    }

    @Test
    void escapesQuotesBackslashesControlCharactersAndWhatHtmlTreatsSpecially() {
        assertThat(Json.write("a\"b\\c\nd\re\tf\u0001g</script>&\u2028"))
            .isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u003c/script\\u003e\\u0026\\u2028\"");
        assertThat(Json.write("caf\u00e9 \u2192 \ud83d\udd12")).isEqualTo("\"caf\u00e9 \u2192 \ud83d\udd12\"");
    }

    @Test
    void refusesWhatJsonCannotHold() {
        assertThatThrownBy(() -> Json.write(Map.of(1, "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(Arrays.asList(new Object()))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.write(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
