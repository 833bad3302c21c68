package io.teamscpe.polling.reconcile;

import io.teamscpe.platform.people.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches poll respondents to the session's attendance participants and enrolled professionals: a remembered
 * admin mapping first, then exact email (case-insensitive), the enrollment's UPN and alternate emails, then the
 * normalized display name. A name shared by several people is never matched automatically.
 */
public final class RespondentMatcher {
    private final Map<String, Person> participantByEmail = new HashMap<>();
    private final Map<String, List<Person>> participantsByName = new HashMap<>();
    private final Set<String> participantKeys = new HashSet<>();
    private final Map<String, Person> professionalByEmail = new HashMap<>();
    private final Map<String, MatchMethod> professionalMethod = new HashMap<>();
    private final Map<String, List<Person>> professionalsByName = new HashMap<>();
    private final Map<String, Mapping> mappings;
    private final List<Person> everyone = new ArrayList<>();

    public RespondentMatcher(List<Person> participants, List<Person> professionals, Map<String, Mapping> mappings) {
        this.mappings = mappings;
        for (Person p : participants) {
            participantKeys.add(p.participantKey());
            index(participantByEmail, null, p.email(), p, null);
            byName(participantsByName, p);
            everyone.add(p);
        }
        for (Person p : professionals) {
            index(professionalByEmail, professionalMethod, p.email(), p, MatchMethod.EMAIL);
            index(professionalByEmail, professionalMethod, p.upn(), p, MatchMethod.UPN);
            for (String alternate : p.alternateEmails()) {
                index(professionalByEmail, professionalMethod, alternate, p, MatchMethod.ALTERNATE_EMAIL);
            }
            byName(professionalsByName, p);
            everyone.add(p);
        }
    }

    private static void index(Map<String, Person> map, Map<String, MatchMethod> methods, String email, Person p,
                              MatchMethod method) {
        String e = Names.email(email);
        if (e != null && !map.containsKey(e)) {
            map.put(e, p);
            if (methods != null) {
                methods.put(e, method);
            }
        }
    }

    private static void byName(Map<String, List<Person>> map, Person p) {
        String n = Names.normalize(p.displayName());
        if (n != null) {
            map.computeIfAbsent(n, k -> new ArrayList<>()).add(p);
        }
    }

    public Match match(String email, String name, boolean anonymous) {
        if (anonymous) {
            return Match.NONE;
        }
        String e = Names.email(email);
        String key = Names.respondentKey(email, name);
        Mapping mapping = key == null ? null : mappings.get(key);
        if (mapping != null) {
            String participant = mapping.participantKey() != null && participantKeys.contains(mapping.participantKey())
                    ? mapping.participantKey() : keyOf(participantByEmail.get(Names.email(mapping.professionalEmail())));
            if (participant == null) {
                participant = keyOf(participantByEmail.get(e));
            }
            return new Match(participant, mapping.professionalId(), MatchMethod.MAPPING);
        }
        Person participant = e == null ? null : participantByEmail.get(e);
        Person professional = e == null ? null : professionalByEmail.get(e);
        MatchMethod method = participant != null ? MatchMethod.EMAIL : professional != null ? professionalMethod.get(e) : null;
        if (participant == null && professional != null) {
            participant = participantOf(professional);
        }
        if (participant == null && professional == null) {
            String n = Names.normalize(name);
            participant = unique(participantsByName.get(n));
            professional = unique(professionalsByName.get(n));
            method = participant != null || professional != null ? MatchMethod.NAME : null;
        }
        if (professional == null && participant != null) {
            professional = professionalByEmail.get(Names.email(participant.email()));
        }
        if (participant == null && professional == null) {
            return Match.NONE;
        }
        return new Match(keyOf(participant), professional == null ? null : professional.professionalId(), method);
    }

    private Person participantOf(Person professional) {
        List<String> emails = new ArrayList<>(professional.alternateEmails());
        emails.add(0, professional.upn());
        emails.add(0, professional.email());
        for (String candidate : emails) {
            Person p = participantByEmail.get(Names.email(candidate));
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static Person unique(List<Person> people) {
        return people != null && people.size() == 1 ? people.get(0) : null;
    }

    private static String keyOf(Person p) {
        return p == null ? null : p.participantKey();
    }

    /** Up to {@code max} people an unmatched respondent may be, best first. */
    public List<Suggestion> suggest(String email, String name, int max) {
        String n = Names.normalize(name);
        String local = Names.localPart(email);
        List<Suggestion> found = new ArrayList<>();
        for (Person p : everyone) {
            String pn = Names.normalize(p.displayName());
            String pl = Names.localPart(p.email());
            double byName = Names.similarity(n, pn);
            double byEmail = Math.max(Names.similarity(local, pl), Names.similarity(local, pn));
            double score = Math.max(byName, byEmail);
            if (score >= 0.5) {
                String reason = byName >= byEmail
                        ? (byName == 1 ? "same name as " + sameName(n) + " people: choose one" : "similar name")
                        : "similar email";
                found.add(new Suggestion(p.participantKey(), p.professionalId(), p.displayName(), p.email(),
                        Math.round(score * 100) / 100.0, reason));
            }
        }
        found.sort(Comparator.comparingDouble(Suggestion::score).reversed());
        return found.size() > max ? found.subList(0, max) : found;
    }

    private int sameName(String normalized) {
        return participantsByName.getOrDefault(normalized, List.of()).size()
                + professionalsByName.getOrDefault(normalized, List.of()).size();
    }
}
