package dev.tally.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.support.FullStackTest;
import java.util.List;
import org.apache.camel.Processor;
import org.apache.camel.processor.SetPropertyProcessor;
import org.junit.jupiter.api.Test;

/** The application's routes, as Spring Boot builds them, call their bean steps and expressions directly. */
class DirectBeanStepsIT extends FullStackTest {

    @Test
    void aPostsBeanStepsAndItsJobIdExpressionAreDirect() {
        List<Processor> steps = camel.getRoute("api-post-word-count").filter("*");

        assertThat(camel.resolveLanguage("bean")).isInstanceOf(DirectBeanLanguage.class);
        assertThat(steps).hasAtLeastOneElementOfType(DirectBeanCall.class);
        assertThat(steps)
                .filteredOn(SetPropertyProcessor.class::isInstance)
                .map(step -> ((SetPropertyProcessor) step).getExpression())
                .hasAtLeastOneElementOfType(DirectBeanExpression.class);
    }

    @Test
    void aJobsBeanStepsAreDirectAsFarAsTheOutcome() {
        List<Processor> steps = camel.getRoute("worker-count-words").filter("*");

        assertThat(steps)
                .filteredOn(DirectBeanCall.class::isInstance)
                .map(Object::toString)
                .contains(
                        "bean JobMessages.jobFrom",
                        "bean DocumentFetcher.fetch",
                        "bean TextExtractor.extract",
                        "bean WordCounter.count",
                        "bean JobResults.completeUpdate",
                        "bean JobOutcomes.completed");
    }
}
