package vn.docket.command.assignment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param answersRequired when true, a draft that follows a revision request must answer every open point
 *                        (rule {@code revision-points-unanswered}); when false, answers are welcome but optional
 */
@ConfigurationProperties(prefix = "docket.revision-points")
public record RevisionPointSettings(boolean answersRequired) {
}
