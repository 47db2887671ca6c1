package vn.docket.command.notice.reading;

import java.time.LocalDate;

/** The meeting invitation the notice refers to ("Giấy mời số 147/GM-UBND ngày 08/4/2021"). */
public record Invitation(String number, LocalDate date) {
}
