package io.teamscpe.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/** A deterministic cast of people for the demo scenario: realistic names, stable object ids and emails. */
final class DemoPeople {

    private static final List<String> FIRST = List.of("Frederick", "Amelia", "Noah", "Olivia", "Liam", "Emma",
            "Mateo", "Sophia", "Lucas", "Isabella", "Ethan", "Mia", "James", "Charlotte", "Benjamin", "Harper",
            "Elijah", "Evelyn", "Henry", "Abigail", "Samuel", "Emily", "Daniel", "Ella", "Owen", "Scarlett",
            "Gabriel", "Grace", "Julian", "Chloe", "Isaac", "Zoe", "Levi", "Nora", "Aaron", "Hannah", "Caleb",
            "Layla", "Adrian", "Lily", "Thomas", "Aria", "Nathan", "Riley", "Ryan", "Victoria", "Miles", "Aurora",
            "Priya", "Wei", "Hiroshi", "Fatima", "Diego", "Ingrid", "Kwame", "Sofia", "Rahul", "Mei", "Omar", "Leila");
    private static final List<String> LAST = List.of("Cormier", "Nguyen", "Patel", "Garcia", "Johnson", "Kim",
            "Martinez", "Okafor", "Schmidt", "Rossi", "Tanaka", "Dubois", "Kowalski", "Andersen", "O'Brien",
            "Silva", "Novak", "Hughes", "Fischer", "Lopez", "Chen", "Murphy", "Ivanova", "Haddad", "Bennett",
            "Walsh", "Morales", "Foster", "Reyes", "Brooks", "Sullivan", "Price", "Ward", "Castillo", "Jensen",
            "Coleman", "Bailey", "Ramirez", "Fleming", "Gupta", "Larsen", "Moreau", "Yamamoto", "Abbott", "Curtis",
            "Delgado", "Ellison", "Farrell", "Gallagher", "Hartman", "Ingram", "Keller", "Lindqvist", "Mendez",
            "Nakamura", "Osei", "Pereira", "Quinn", "Romero", "Sato");

    /** One person of the cast. */
    record Person(String id, String displayName, String email) {
    }

    private DemoPeople() {
    }

    /** {@code count} distinct people at {@code domain}, the same for the same seed every time. */
    static List<Person> cast(long seed, int count, String domain) {
        Random random = new Random(seed);
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < count) {
            names.add(FIRST.get(random.nextInt(FIRST.size())) + " " + LAST.get(random.nextInt(LAST.size())));
        }
        List<Person> people = new ArrayList<>();
        for (String name : names) {
            people.add(new Person(stableId(domain + "/" + name), name, email(name, domain)));
        }
        return people;
    }

    /**
     * Person number {@code index} of an arbitrarily large, duplicate-free crowd at {@code domain}: a middle initial
     * tells apart the 3,600 name pairs. No name search and no hashing of text, so 10,000 people cost next to nothing.
     */
    static Person numbered(int index, String domain) {
        String first = FIRST.get(index % FIRST.size());
        String last = LAST.get(index / FIRST.size() % LAST.size());
        int round = index / (FIRST.size() * LAST.size());
        String middle = round == 0 ? "" : (char) ('A' + (round - 1) % 26) + (round > 26 ? String.valueOf(round) : "");
        String name = middle.isEmpty() ? first + " " + last : first + " " + middle + ". " + last;
        String local = middle.isEmpty() ? first + "." + last : first + "." + middle + "." + last;
        long key = domain.hashCode() * 0x9E3779B97F4A7C15L + index;
        return new Person(new UUID(mix(key) & ~0xF000L | 0x4000L, mix(~key) & 0x3FFFFFFFFFFFFFFFL | Long.MIN_VALUE)
                .toString(), name, local.toLowerCase(Locale.ROOT).replace("'", "") + "@" + domain);
    }

    /** A bijective bit mixer (SplitMix64's finalizer): distinct keys give distinct, well-spread values. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A UUID derived from the text, so ids never change between runs. */
    static String stableId(String text) {
        return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String email(String name, String domain) {
        return name.toLowerCase(Locale.ROOT).replace("'", "").replace(' ', '.') + "@" + domain;
    }
}
