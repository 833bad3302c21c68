package io.teamscpe.polling.parse;

import java.util.List;

/**
 * What one Forms export says: one choice question, the options seen (in order of first appearance), and one
 * response per row.
 */
public record ParsedPoll(String question, List<String> options, boolean multiSelect, List<ParsedResponse> responses,
                         List<String> warnings) {
    public long anonymousCount() {
        return responses.stream().filter(r -> r.anonymous).count();
    }
}
