package vn.docket.command.notice;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.docket.calendar.WorkingDayCalendar;
import vn.docket.command.notice.reading.NoticeReader;
import vn.docket.command.notice.reading.UnitDirectory;
import vn.docket.platform.UnitAliases;
import vn.docket.platform.axon.CatchUpCachingRepository;

@Configuration(proxyBeanMethods = false)
class NoticeConfiguration {

    /** Referenced from {@code @Aggregate(repository = "noticeRepository")}; see {@link CatchUpCachingRepository}. */
    @Bean
    Repository<Notice> noticeRepository(EventStore eventStore, Cache aggregateCache,
                                        ParameterResolverFactory parameterResolverFactory,
                                        HandlerDefinition handlerDefinition) {
        return CatchUpCachingRepository.of(Notice.class, eventStore, aggregateCache, NoSnapshotTriggerDefinition.INSTANCE,
                parameterResolverFactory, handlerDefinition);
    }

    /** The office may keep its own unit directory: {@code docket.units.file=/srv/docket/units.json}. */
    @Bean
    UnitDirectory unitDirectory(@Value("${docket.units.file:}") String file) {
        return UnitDirectory.configured(file);
    }

    /**
     * The directory's other names of each unit, for the assignment list's search: a clerk types "QLĐT" or "qldt"
     * and expects Phòng Quản lý đô thị's tasks. Names are matched as the search folds them (case, tone marks).
     */
    @Bean
    UnitAliases unitAliases(UnitDirectory units) {
        return units.aliases();
    }

    /** Relative deadlines ("07 ngày làm việc") are counted on the Vietnamese working-day calendar. */
    @Bean
    NoticeReader noticeReader(UnitDirectory units, WorkingDayCalendar calendar) {
        return new NoticeReader(units, calendar::isWorkingDay);
    }
}
