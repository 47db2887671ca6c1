package vn.docket.query.support;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Every event processor writes its read models once per batch; see {@link ReadModelBatch}. What a handler
 * throws is decided in the dead-letter policy (query/deadletters): a database failure fails the whole batch,
 * which the processor tries again; any other failure parks the event.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    @Autowired
    void batchReadModelWrites(EventProcessingConfigurer processing) {
        processing.registerDefaultHandlerInterceptor((configuration, processorName) -> new ReadModelBatch.Interceptor());
    }
}
