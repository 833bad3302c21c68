package io.teamscpe.attendance.microsoft.teamsfile;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words Teams localizes, in en/de/fr/es/nl/pt/it, compared without case, accents or a trailing colon. Teams
 * rewords these now and then, so a miss is not an error: columns fall back to the documented English order.
 */
final class Vocabulary {
    enum Column { NAME, JOIN, LEAVE, DURATION, EMAIL, UPN, ROLE }

    enum SummaryKey { TITLE, START, END }

    private static final Map<String, Column> COLUMNS = new HashMap<>();
    private static final Map<String, SummaryKey> SUMMARY = new HashMap<>();
    private static final Map<String, String> ROLES = new HashMap<>();

    static {
        columns(Column.NAME, "name", "full name", "participant name", "vollstandiger name", "nom", "nom complet",
                "nombre", "nombre completo", "naam", "volledige naam", "nome", "nome completo");
        columns(Column.JOIN, "first join", "first join time", "join time", "joined", "erster beitritt",
                "erste teilnahme", "beitrittszeit", "beitrittszeitpunkt", "zeitpunkt des beitritts",
                "premiere participation", "premiere arrivee", "heure d'arrivee", "heure de participation",
                "primera union", "primera entrada", "hora de union", "hora de entrada", "eerste deelname",
                "deelnametijd", "tijdstip van deelname", "primeira entrada", "primeira participacao",
                "hora de entrada", "primo accesso", "prima partecipazione", "ora di ingresso", "ora di accesso");
        columns(Column.LEAVE, "last leave", "last leave time", "leave time", "left", "letzter austritt",
                "letztes verlassen", "austrittszeit", "zeitpunkt des verlassens", "dernier depart", "derniere sortie",
                "heure de depart", "heure de sortie", "ultima salida", "hora de salida", "laatste vertrek",
                "vertrektijd", "tijdstip van vertrek", "ultima saida", "hora de saida", "ultima uscita",
                "ultimo abbandono", "ora di uscita");
        columns(Column.DURATION, "in-meeting duration", "duration", "attendance duration",
                "dauer in der besprechung", "dauer", "duree en reunion", "duree dans la reunion", "duree",
                "duracion en la reunion", "duracion", "duur in vergadering", "duur", "duracao na reuniao", "duracao",
                "durata nella riunione", "durata");
        columns(Column.EMAIL, "email", "e-mail", "email address", "e-mail address", "e-mail-adresse",
                "adresse e-mail", "adresse de messagerie", "correo electronico", "correo", "e-mailadres",
                "endereco de email", "indirizzo e-mail", "posta elettronica");
        columns(Column.ROLE, "role", "rolle", "rol", "funcion", "funcao", "papel", "ruolo");
        summary(SummaryKey.TITLE, "meeting title", "title", "besprechungstitel", "titel der besprechung",
                "titre de la reunion", "titulo de la reunion", "titel van vergadering", "vergadertitel",
                "titulo da reuniao", "titolo della riunione", "titolo riunione");
        summary(SummaryKey.START, "start time", "meeting start time", "startzeit", "beginn", "anfangszeit",
                "heure de debut", "hora de inicio", "begintijd", "starttijd", "hora de inicio", "ora di inizio");
        summary(SummaryKey.END, "end time", "meeting end time", "endzeit", "ende", "heure de fin",
                "hora de finalizacion", "hora de fin", "eindtijd", "hora de termino", "hora de fim", "ora di fine");
        roles("Organizer", "organizer", "organiser", "organisator", "organisateur", "organizador", "organizzatore");
        roles("Presenter", "presenter", "referent", "referentin", "moderator", "presentateur", "presentador",
                "moderador", "presentator", "apresentador", "relatore", "presentatore");
        roles("Attendee", "attendee", "participant", "teilnehmer", "teilnehmerin", "asistente", "participante",
                "deelnemer", "partecipante");
    }

    private Vocabulary() {
    }

    /** The column a header names; a header mentioning the UPN is the participant id whatever its language. */
    static Column column(String header) {
        String key = normalize(header);
        return key.contains("upn") ? Column.UPN : COLUMNS.get(key);
    }

    static SummaryKey summaryKey(String key) {
        return SUMMARY.get(normalize(key));
    }

    /** The role in Graph's English when recognised, else as written; null for an empty cell. */
    static String role(String role) {
        return role == null ? null : ROLES.getOrDefault(normalize(role), role);
    }

    static String normalize(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('\u2019', '\'');
        return plain.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[\\s:]+$", "").strip();
    }

    private static void columns(Column column, String... aliases) {
        List.of(aliases).forEach(a -> COLUMNS.put(a, column));
    }

    private static void summary(SummaryKey key, String... aliases) {
        List.of(aliases).forEach(a -> SUMMARY.put(a, key));
    }

    private static void roles(String canonical, String... aliases) {
        List.of(aliases).forEach(a -> ROLES.put(a, canonical));
    }
}
