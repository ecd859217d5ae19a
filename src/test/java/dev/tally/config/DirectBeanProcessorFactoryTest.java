package dev.tally.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.camel.BeanScope;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.NoSuchBeanException;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.bean.BeanProcessor;
import org.apache.camel.spi.BeanProcessorFactory;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The direct bean steps against Camel's own: the same exchange through a context with {@link DirectBeanSteps} and
 * one without ends with the same body, headers, message class and exception.
 */
class DirectBeanProcessorFactoryTest {

    @RegisterExtension
    static final ContextPair CONTEXTS = new ContextPair(new Sample(), DirectBeanProcessorFactoryTest::routes);

    @Test
    void aMethodNamedAloneThatIsTheOnlyOneOfItsNameIsCalledDirectly() throws Exception {
        assertThat(processorFor("upper")).isInstanceOf(DirectBeanCall.class);
        assertThat(processorFor("record")).isInstanceOf(DirectBeanCall.class);
        assertThat(processorFor("refuse")).isInstanceOf(DirectBeanCall.class);
    }

    @Test
    void everyOtherStepStaysCamels() throws Exception {
        assertThat(processorFor("overloaded")).isInstanceOf(BeanProcessor.class);
        assertThat(processorFor("later")).isInstanceOf(BeanProcessor.class);
        assertThat(processorFor("upper(${header.word})")).isInstanceOf(BeanProcessor.class);
        assertThat(processorFor(null)).isInstanceOf(BeanProcessor.class);
        assertThatThrownBy(() -> factory()
                        .createBeanProcessor(
                                CONTEXTS.direct(), null, null, null, "noSuchBean", "upper", BeanScope.Singleton))
                .isInstanceOf(NoSuchBeanException.class);
    }

    @Test
    void theResultReplacesTheBodyConvertedAsCamelConvertsItAndTheHeadersStay() {
        Outcome actual = sameAsCamels("upper", body("quiet".getBytes(StandardCharsets.UTF_8)));

        assertThat(actual.body()).isEqualTo("QUIET");
        assertThat(actual.headers()).containsEntry("kept", "yes");
    }

    @Test
    void aSpecialisedMessageGivesWayToAPlainOneAsWithCamelsStep() {
        Outcome actual = sameAsCamels("upper", special("loud"));

        assertThat(actual.messageClass()).isEqualTo(DefaultMessage.class);
    }

    @Test
    void annotatedParametersAndTheExchangeAreBoundAndAVoidMethodLeavesTheBody() {
        Outcome actual = sameAsCamels("record", body("unchanged"));

        assertThat(actual.body()).isEqualTo("unchanged");
        assertThat(actual.headers()).containsEntry("recorded", "tester");
    }

    @Test
    void whatTheMethodThrowsIsTheExchangesExceptionItself() {
        Outcome actual = sameAsCamels("refuse", body("anything"));

        assertThat(actual.exception()).isEqualTo(IllegalArgumentException.class.getName() + ": refused anything");
    }

    /** The outcome of the direct step, once it is checked to be the same as Camel's step's. */
    private static Outcome sameAsCamels(String method, Processor in) {
        Outcome actual = run(CONTEXTS.direct(), method, in);
        assertThat(actual).isEqualTo(run(CONTEXTS.camels(), method, in));
        return actual;
    }

    private static Processor processorFor(String method) throws Exception {
        return factory()
                .createBeanProcessor(CONTEXTS.direct(), null, null, null, "sample", method, BeanScope.Singleton);
    }

    private static BeanProcessorFactory factory() {
        return PluginHelper.getBeanProcessorFactory(CONTEXTS.direct());
    }

    private static Processor body(Object body) {
        return exchange -> exchange.getIn().setBody(body);
    }

    private static Processor special(String body) {
        return exchange -> {
            DefaultMessage message = new DefaultMessage(exchange) {};
            message.setBody(body);
            exchange.setIn(message);
        };
    }

    private static Outcome run(CamelContext context, String method, Processor in) {
        Exchange done = context.createProducerTemplate().send("direct:" + method, ExchangePattern.InOut, exchange -> {
            in.process(exchange);
            exchange.getIn().setHeader("kept", "yes");
            exchange.setProperty("who", "tester");
        });
        Map<String, Object> headers = new TreeMap<>(done.getMessage().getHeaders());
        return new Outcome(
                done.getMessage().getBody(), headers, done.getMessage().getClass(), ContextPair.failureOf(done));
    }

    private static RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (String method : new String[] {"upper", "record", "refuse"}) {
                    from("direct:" + method).bean("sample", method);
                }
            }
        };
    }

    record Outcome(Object body, Map<String, Object> headers, Class<?> messageClass, String exception) {}

    public static class Sample {

        public String upper(String word) {
            return word.toUpperCase(java.util.Locale.ROOT);
        }

        public void record(@ExchangeProperty("who") String who, Exchange exchange) {
            exchange.getMessage().setHeader("recorded", who);
        }

        public String refuse(String body) {
            throw new IllegalArgumentException("refused " + body);
        }

        public String overloaded(String body) {
            return body;
        }

        public String overloaded(Integer body) {
            return String.valueOf(body);
        }

        public CompletionStage<String> later() {
            return CompletableFuture.completedFuture("later");
        }
    }
}
