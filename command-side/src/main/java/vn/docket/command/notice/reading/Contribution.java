package vn.docket.command.notice.reading;

import java.time.LocalDate;
import java.util.List;

/**
 * Input that other units owe the lead before the lead's own deadline ("gửi phòng TC-KH chậm nhất
 * ngày 20/4/2021 để tổng hợp").
 */
public record Contribution(List<String> units, String deliverTo, LocalDate deadline, String deadlineText) {
    public Contribution {
        units = List.copyOf(units);
    }
}
