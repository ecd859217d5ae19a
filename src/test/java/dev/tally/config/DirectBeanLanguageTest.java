package dev.tally.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Expression;
import org.apache.camel.Header;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.language.bean.BeanExpression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The direct bean expressions against Camel's own: the same exchange through a context with {@link DirectBeanSteps}
 * and one without ends with the same body, headers, properties and exception, as a value and as a predicate.
 */
class DirectBeanLanguageTest {

    @RegisterExtension
    static final ContextPair CONTEXTS = new ContextPair(new Sample(), DirectBeanLanguageTest::routes);

    @Test
    void camelFindsTheLanguageUnderItsRegistryName() {
        assertThat(CONTEXTS.direct().resolveLanguage("bean")).isInstanceOf(DirectBeanLanguage.class);
        assertThat(CONTEXTS.camels().resolveLanguage("bean")).isNotInstanceOf(DirectBeanLanguage.class);
    }

    @Test
    void aMethodOfTheBodyAloneThatReturnsAValueIsCalledDirectly() {
        assertThat(expressionFor("upper")).isInstanceOf(DirectBeanExpression.class);
        assertThat(expressionFor("isLoud")).isInstanceOf(DirectBeanExpression.class);
        assertThat(expressionFor("nothing")).isInstanceOf(DirectBeanExpression.class);
    }

    @Test
    void aMethodThatCouldTellCamelsCopyOfTheExchangeFromItStaysCamels() {
        assertThat(expressionFor("withExchange")).isInstanceOf(BeanExpression.class);
        assertThat(expressionFor("withHeader")).isInstanceOf(BeanExpression.class);
        assertThat(expressionFor("withException")).isInstanceOf(BeanExpression.class);
        assertThat(expressionFor("touch")).isInstanceOf(BeanExpression.class);
        assertThat(expressionFor("upper(${header.kept})")).isInstanceOf(BeanExpression.class);
    }

    @Test
    void theValueIsTheMethodsResultConvertedFromTheBodyAsCamelConvertsIt() {
        Outcome actual = sameAsCamels("value", "upper", "quiet".getBytes(StandardCharsets.UTF_8));

        assertThat(actual.properties()).containsEntry("result", "QUIET");
        assertThat(actual.headers()).containsEntry("kept", "yes");
    }

    @Test
    void aNullResultIsNoValue() {
        Outcome actual = sameAsCamels("value", "nothing", "anything");

        assertThat(actual.properties()).doesNotContainKey("result");
        assertThat(actual.headers()).containsEntry("after", "ran");
    }

    @Test
    void aPredicateChoosesTheSameBranch() {
        assertThat(sameAsCamels("predicate", "isLoud", "LOUD").headers()).containsEntry("branch", "loud");
        assertThat(sameAsCamels("predicate", "isLoud", "quiet").headers()).containsEntry("branch", "otherwise");
    }

    @Test
    void whatTheMethodThrowsBecomesTheExchangesExceptionAndStopsTheRoute() {
        Outcome value = sameAsCamels("value", "upper", null);
        Outcome predicate = sameAsCamels("predicate", "isLoud", null);

        assertThat(value.exception()).startsWith(NullPointerException.class.getName());
        assertThat(value.headers()).doesNotContainKey("after");
        assertThat(predicate.exception()).startsWith(NullPointerException.class.getName());
    }

    @Test
    void anErrorTooBecomesTheExchangesException() {
        Outcome value = sameAsCamels("value", "refuse", "anything");

        assertThat(value.exception()).contains("refused");
        assertThat(value.headers()).doesNotContainKey("after");
    }

    /** The outcome through the direct expression, once it is checked to be the same as through Camel's. */
    private static Outcome sameAsCamels(String route, String method, Object body) {
        Outcome actual = run(CONTEXTS.direct(), route, method, body);
        assertThat(actual).isEqualTo(run(CONTEXTS.camels(), route, method, body));
        return actual;
    }

    private static Expression expressionFor(String method) {
        Object[] properties = {null, null, method, null, "sample", null, null};
        return CONTEXTS.direct().resolveLanguage("bean").createExpression(null, properties);
    }

    private static Outcome run(CamelContext context, String route, String method, Object body) {
        Exchange done = context.createProducerTemplate()
                .send("direct:" + route + "-" + method, ExchangePattern.InOut, exchange -> {
                    exchange.getIn().setBody(body);
                    exchange.getIn().setHeader("kept", "yes");
                });
        Map<String, Object> properties = new TreeMap<>(done.getProperties());
        properties.keySet().removeIf(name -> name.startsWith("Camel"));
        return new Outcome(
                done.getMessage().getBody(),
                new TreeMap<>(done.getMessage().getHeaders()),
                properties,
                ContextPair.failureOf(done));
    }

    private static RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (String method : new String[] {"upper", "nothing", "refuse"}) {
                    from("direct:value-" + method)
                            .setProperty("result", method("sample", method))
                            .setHeader("after", constant("ran"));
                }
                from("direct:predicate-isLoud")
                        .choice()
                        .when(method("sample", "isLoud"))
                        .setHeader("branch", constant("loud"))
                        .otherwise()
                        .setHeader("branch", constant("otherwise"));
            }
        };
    }

    record Outcome(Object body, Map<String, Object> headers, Map<String, Object> properties, String exception) {}

    public static class Sample {

        public String upper(String word) {
            return word.toUpperCase(Locale.ROOT);
        }

        public boolean isLoud(String word) {
            return word.equals(word.toUpperCase(Locale.ROOT));
        }

        public String nothing(String word) {
            return null;
        }

        public String refuse(String word) {
            throw new AssertionError("refused " + word);
        }

        public String withExchange(Exchange exchange) {
            return exchange.getExchangeId();
        }

        public String withHeader(@Header("kept") String kept) {
            return kept;
        }

        public String withException(Exception failure) {
            return String.valueOf(failure);
        }

        public void touch(String body) {
            // nothing: a void method is no expression of a value
        }
    }
}
