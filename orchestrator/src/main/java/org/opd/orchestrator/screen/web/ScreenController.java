package org.opd.orchestrator.screen.web;

import java.time.Clock;
import java.util.UUID;

import org.opd.orchestrator.doctor.DoctorRepository;
import org.opd.orchestrator.department.DepartmentRepository;
import org.opd.orchestrator.screen.DepartmentBoard;
import org.opd.orchestrator.screen.DepartmentBoards;
import org.opd.orchestrator.screen.ScreenQueue;
import org.opd.orchestrator.screen.ScreenStreams;
import org.opd.orchestrator.screen.StreamLifetime;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

@RestController
class ScreenController {

    private static final String STREAM_DESCRIPTION = """
            Server-Sent Events. First `ready` (the stream follows from now on: load the state after it), then a \
            `queue` event with a doctor's whole queue (ScreenQueue, masked names) each time it changes, `id` \
            `<doctorId>:<version>`. Versions only grow per doctor: keep the newest seen, ignore older ones. The \
            stream ends when the access token expires, or when changes may have been missed: reconnect and load \
            the state again. 503 while the live changes cannot be followed.""";

    private final DepartmentBoards boards;
    private final DepartmentRepository departments;
    private final DoctorRepository doctors;
    private final ScreenStreams streams;
    private final Clock clock;

    ScreenController(DepartmentBoards boards, DepartmentRepository departments, DoctorRepository doctors,
                     ScreenStreams streams, Clock clock) {
        this.boards = boards;
        this.departments = departments;
        this.doctors = doctors;
        this.streams = streams;
        this.clock = clock;
    }

    @GetMapping("/api/v1/departments/{deptId}/display")
    @Operation(summary = "A department's waiting-room display as it stands now",
            description = "Per doctor serving the department today: the cabin and the live queue with masked names.")
    DepartmentBoard display(@PathVariable UUID deptId) {
        return boards.read(deptId);
    }

    @GetMapping(path = "/api/v1/departments/{deptId}/display/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The department's queue changes, live", description = STREAM_DESCRIPTION)
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
            schema = @Schema(implementation = ScreenQueue.class)))
    SseEmitter displayStream(@PathVariable UUID deptId, JwtAuthenticationToken caller) {
        departments.require(deptId);
        return streams.followDepartment(deptId, StreamLifetime.untilExpiry(caller, clock));
    }

    @GetMapping(path = "/api/v1/doctors/{doctorId}/queue/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The doctor's queue changes, live", description = STREAM_DESCRIPTION)
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
            schema = @Schema(implementation = ScreenQueue.class)))
    SseEmitter doctorStream(@PathVariable UUID doctorId, JwtAuthenticationToken caller) {
        doctors.requireExists(doctorId);
        return streams.followDoctor(doctorId, StreamLifetime.untilExpiry(caller, clock));
    }
}
