package io.teamscpe.platform.web;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code page} and {@code size} query parameters every list takes, documented once: a list method takes them as
 * {@code @BeanParam PageParams paging} beside its own {@code sort} (whose fields differ per list).
 */
public class PageParams {
    @QueryParam("page")
    @Parameter(description = PageRequest.PAGE_DOC, schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
            maximum = "1000000"))
    public Integer page;

    @QueryParam("size")
    @Parameter(description = PageRequest.SIZE_DOC, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
            maximum = "1000"))
    public Integer size;

    /** The checked page request, with {@code sort} among {@code sortable}. */
    public PageRequest request(String sort, List<String> sortable) {
        return PageRequest.of(page, size, sort, sortable);
    }
}
