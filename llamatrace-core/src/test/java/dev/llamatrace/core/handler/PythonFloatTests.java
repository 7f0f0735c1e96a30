package dev.llamatrace.core.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PythonFloatTests {

    /** Each expected text is what CPython 3's {@code repr()} prints for the same double. */
    static Stream<Arguments> pythonReprs() {
        return Stream.of(
                Arguments.of(0.0, "0.0"),
                Arguments.of(-0.0, "-0.0"),
                Arguments.of(1.5, "1.5"),
                Arguments.of(3.0, "3.0"),
                Arguments.of(100.0, "100.0"),
                Arguments.of(0.002345, "0.002345"),
                Arguments.of(3.4e-05, "3.4e-05"),
                Arguments.of(1e-05, "1e-05"),
                Arguments.of(0.0001, "0.0001"),
                Arguments.of(0.00012, "0.00012"),
                Arguments.of(9.999e-05, "9.999e-05"),
                Arguments.of(0.000123456, "0.000123456"),
                Arguments.of(1e-07, "1e-07"),
                Arguments.of(1.23456e-08, "1.23456e-08"),
                Arguments.of(0.1, "0.1"),
                Arguments.of(0.1 + 0.2, "0.30000000000000004"),
                Arguments.of(1.0 / 3, "0.3333333333333333"),
                Arguments.of(2.0 / 3, "0.6666666666666666"),
                Arguments.of(4.35, "4.35"),
                Arguments.of(123456789.123, "123456789.123"),
                Arguments.of(1e15, "1000000000000000.0"),
                Arguments.of(1234567890123456.7, "1234567890123456.8"),
                Arguments.of(9999999999999998.0, "9999999999999998.0"),
                Arguments.of(1e16, "1e+16"),
                Arguments.of(12345678901234567.0, "1.2345678901234568e+16"),
                Arguments.of(1e22, "1e+22"),
                Arguments.of(0x1p60, "1.152921504606847e+18"),
                Arguments.of(0x1p-20, "9.5367431640625e-07"),
                Arguments.of(Double.MIN_VALUE, "5e-324"),
                Arguments.of(3 * Double.MIN_VALUE, "1.5e-323"),
                Arguments.of(Double.MAX_VALUE, "1.7976931348623157e+308"),
                Arguments.of(-2.5e-06, "-2.5e-06"));
    }

    @ParameterizedTest(name = "{0} prints as {1}")
    @MethodSource("pythonReprs")
    void doublesPrintAsPythonsReprPrintsThem(double value, String python) {
        assertThat(PythonFloat.repr(value)).isEqualTo(python);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythonReprs")
    void thePrintedTextReadsBackAsTheSameDouble(double value, String python) {
        assertThat(Double.parseDouble(PythonFloat.repr(value))).isEqualTo(value);
    }

    @Test
    void nonFiniteValuesPrintAsPythonsDo() {
        assertThat(PythonFloat.repr(Double.NaN)).isEqualTo("nan");
        assertThat(PythonFloat.repr(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(PythonFloat.repr(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }
}
