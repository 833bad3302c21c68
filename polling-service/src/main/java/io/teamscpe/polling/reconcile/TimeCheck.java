package io.teamscpe.polling.reconcile;

/**
 * Whether a file's zone-less times fit the session.
 *
 * @param verdict         OK, SHIFTED (outside the meeting under the zone used, inside under {@code likelyOffset}),
 *                        NOT_THIS_SESSION (inside under no offset: probably the wrong session), NO_TIMES
 * @param inMeeting       responses inside the meeting under the zone used
 * @param likelyOffset    the UTC offset under which most responses fall inside the meeting (and attendees'
 *                        presence), e.g. {@code +02:00}
 * @param inMeetingAtLikelyOffset responses inside the meeting under {@code likelyOffset}
 * @param present         matched respondents whose response falls inside their own attendance, under the zone used
 */
public record TimeCheck(TimeVerdict verdict, String zoneUsed, String zoneOffset, int withTimes, int inMeeting,
                        String likelyOffset, int inMeetingAtLikelyOffset, int present, int withPresence,
                        String message) {
    public boolean warns() {
        return verdict == TimeVerdict.SHIFTED || verdict == TimeVerdict.NOT_THIS_SESSION;
    }
}
