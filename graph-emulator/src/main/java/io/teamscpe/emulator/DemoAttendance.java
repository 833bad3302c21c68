package io.teamscpe.emulator;

import io.teamscpe.emulator.DemoPeople.Person;
import io.teamscpe.emulator.Scenario.AttendanceRecord;
import io.teamscpe.emulator.Scenario.Identity;
import io.teamscpe.emulator.Scenario.Interval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates realistic attendance records from a seeded random source: most people join around the start and stay,
 * some leave and re-join, a few attend from two devices at once, a few leave early.
 */
final class DemoAttendance {

    private final Random random;
    private final Instant scheduledStart;
    private final Instant meetingEnd;

    DemoAttendance(long seed, Instant scheduledStart, Instant meetingEnd) {
        this.random = new Random(seed);
        this.scheduledStart = scheduledStart;
        this.meetingEnd = meetingEnd;
    }

    /** How a generated attendee behaves. */
    enum Pattern { STAYS, REJOINS, TWO_DEVICES, LEAVES_EARLY }

    /** Picks a pattern: ~5% leave early, ~20% re-join (the first {@code twoDevices} of them on two devices). */
    Pattern pickPattern(int twoDevicesSoFar, int twoDevices) {
        int roll = random.nextInt(100);
        if (roll < 5) {
            return Pattern.LEAVES_EARLY;
        }
        if (roll < 25) {
            return twoDevicesSoFar < twoDevices ? Pattern.TWO_DEVICES : Pattern.REJOINS;
        }
        return Pattern.STAYS;
    }

    AttendanceRecord record(Person person, String role, String tenantId, Pattern pattern) {
        return new AttendanceRecord(person.email(), role, new Identity(person.id(), person.displayName(), tenantId),
                intervals(pattern));
    }

    List<Interval> intervals(Pattern pattern) {
        Instant join = around(-120, 300);
        Instant leave = finalLeave();
        List<Interval> intervals = new ArrayList<>();
        switch (pattern) {
            case STAYS -> intervals.add(new Interval(join, leave));
            case LEAVES_EARLY -> intervals.add(new Interval(join, join.plusSeconds(1200 + random.nextInt(1700))
                    .plusMillis(random.nextInt(1000))));
            case TWO_DEVICES -> {
                Instant phoneJoin = around(1200, 1800);
                intervals.add(new Interval(join, leave));
                intervals.add(new Interval(phoneJoin, phoneJoin.plusSeconds(300 + random.nextInt(900))));
            }
            case REJOINS -> {
                Instant firstLeave = around(900, 2400);
                Instant rejoin = firstLeave.plusSeconds(60 + random.nextInt(420)).plusMillis(random.nextInt(1000));
                intervals.add(new Interval(join, firstLeave));
                if (random.nextInt(3) == 0) {
                    Instant secondLeave = rejoin.plusSeconds(600 + random.nextInt(900));
                    Instant thirdJoin = secondLeave.plusSeconds(30 + random.nextInt(300)).plusMillis(random.nextInt(1000));
                    intervals.add(new Interval(rejoin, secondLeave));
                    intervals.add(new Interval(thirdJoin, leave));
                } else {
                    intervals.add(new Interval(rejoin, leave));
                }
            }
            default -> throw new IllegalStateException(pattern.name());
        }
        return intervals;
    }

    /** The organizer: joins a few minutes early and stays until the meeting ends. */
    List<Interval> organizerIntervals() {
        return List.of(new Interval(scheduledStart.minusSeconds(290).plusMillis(412), meetingEnd.minusMillis(500)));
    }

    /** A time {@code fromSeconds..fromSeconds+spreadSeconds} after the scheduled start, with milliseconds. */
    Instant around(int fromSeconds, int spreadSeconds) {
        return scheduledStart.plusSeconds(fromSeconds + random.nextInt(spreadSeconds)).plusMillis(random.nextInt(1000));
    }

    /** Between 6 minutes before the end and the end of the meeting. */
    private Instant finalLeave() {
        Instant leave = meetingEnd.minusSeconds(10 + random.nextInt(390)).minusMillis(random.nextInt(1000));
        return leave.isAfter(meetingEnd) ? meetingEnd : leave;
    }
}
