package vn.docket.query.support;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.LoggingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import vn.docket.platform.mongo.DatabaseUnavailable;

/** Every event processor writes its read models once per batch; see {@link ReadModelBatch}. */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    @Autowired
    void batchReadModelWrites(EventProcessingConfigurer processing) {
        processing.registerDefaultHandlerInterceptor((configuration, processorName) -> new ReadModelBatch.Interceptor());
    }

    /**
     * A projection that cannot reach the database fails its whole batch, and the processor tries the batch
     * again (after 1, 2, 4... s) until the database answers. Axon's default logs the failure and goes on
     * with the next event, so a read model would miss that event for good once the database came back
     * within the same batch. Other failures are logged and skipped, as before.
     */
    @Autowired
    void retryWhatTheDatabaseCouldNotTake(EventProcessingConfigurer processing) {
        ListenerInvocationErrorHandler logging = new LoggingErrorHandler();
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> (exception, event, handler) -> {
            if (DatabaseUnavailable.isCauseOf(exception)) {
                throw exception;
            }
            logging.onError(exception, event, handler);
        });
    }
}
