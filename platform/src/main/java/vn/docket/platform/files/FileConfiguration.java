package vn.docket.platform.files;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.docket.platform.Periodic;
import vn.docket.platform.web.Problems;

/** The file store, its hourly sweep of what interrupted uploads left, and the answer to a refused file. */
@Configuration(proxyBeanMethods = false)
public class FileConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FileStore.class);

    @Bean
    FileStore fileStore(MongoDatabase database, Clock clock) {
        return new FileStore(database, clock);
    }

    /** An upload still under way is minutes old at most; what is an hour old was abandoned. */
    @Bean
    SmartLifecycle fileSweep(FileStore files, Clock clock) {
        return new Periodic("file-sweep", log).every(Duration.ofHours(1), "remove what interrupted uploads left",
                () -> {
                    long removed = files.sweep(clock.instant().minus(FileStore.GRACE));
                    if (removed > 0) {
                        log.info("Removed {} pieces of files whose upload was interrupted; no draft referred to them.", removed);
                    }
                });
    }

    /** Before {@link Problems}, which would answer an oversized upload without naming the rule. */
    @RestControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class FileProblems {

        private final long maxBytes;

        FileProblems(@Value("${docket.files.max-size}") DataSize maxSize) {
            this.maxBytes = maxSize.toBytes();
        }

        @ExceptionHandler(FileRefused.class)
        ResponseEntity<ProblemDetail> refused(FileRefused e) {
            ProblemDetail problem = Problems.problem(e.status(), e.rule(), e.getMessage());
            e.facts().forEach(problem::setProperty);
            return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }

        @ExceptionHandler(MaxUploadSizeExceededException.class)
        ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
            return refused(FileRefused.tooLarge("file-too-large",
                    "Tệp quá lớn; Docket nhận tệp tối đa " + maxBytes / (1024 * 1024) + " MB.", maxBytes));
        }
    }
}
