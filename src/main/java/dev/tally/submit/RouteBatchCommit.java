package dev.tally.submit;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.bson.Document;

/** A batch's commit is the route commit-submissions (jobs.camel.yaml). */
final class RouteBatchCommit implements BatchCommit {

    private final ProducerTemplate routes;

    RouteBatchCommit(ProducerTemplate routes) {
        this.routes = routes;
    }

    @Override
    public void commit(List<Document> jobs) throws Exception {
        Exchange done = routes.send(
                "direct:commit-submissions", exchange -> exchange.getIn().setBody(jobs));
        if (done.getException() != null) {
            throw done.getException();
        }
    }
}
