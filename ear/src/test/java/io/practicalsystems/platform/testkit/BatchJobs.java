package io.practicalsystems.platform.testkit;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Set;

/** Drives Liberty's batch REST API (HTTPS, admin user) the way an operator or the Admin Center does. */
public final class BatchJobs {

    public static final String APP = "practical-systems";
    public static final String BATCH_MODULE = "practical-systems-batch.war";
    private static final Set<String> FINISHED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

    private BatchJobs() {
    }

    /** Submits a job of the batch module; returns its instance id. */
    public static long start(LibertyServer server, String jobXmlName) {
        return start(server, jobXmlName, java.util.Map.of());
    }

    public static long start(LibertyServer server, String jobXmlName, java.util.Map<String, String> parameters) {
        jakarta.json.JsonObjectBuilder jobParameters = Json.createObjectBuilder();
        parameters.forEach(jobParameters::add);
        String body = Json.createObjectBuilder()
                .add("applicationName", APP)
                .add("moduleName", BATCH_MODULE)
                .add("jobXMLName", jobXmlName)
                .add("jobParameters", jobParameters)
                .build().toString();
        Http.Response response = Http.post(server.httpsBaseUrl() + "/ibm/api/batch/jobinstances", body,
                TestServers.admin());
        if (response.status() != 201 && response.status() != 200) {
            throw new AssertionError("job submission refused: " + response.status() + " " + response.body());
        }
        return response.json().getJsonNumber("instanceId").longValue();
    }

    public static JsonObject instance(LibertyServer server, long instanceId) {
        return Http.getJson(server.httpsBaseUrl() + "/ibm/api/batch/jobinstances/" + instanceId, TestServers.admin());
    }

    /** Waits until the instance has finished and returns its last execution (batchStatus, exitStatus…). */
    public static JsonObject awaitFinished(LibertyServer server, long instanceId) {
        Await.until("job instance " + instanceId + " to finish", () -> instance(server, instanceId),
                instance -> FINISHED.contains(instance.getString("batchStatus", "")), Duration.ofSeconds(120));
        Http.Response executions = Http.get(server.httpsBaseUrl() + "/ibm/api/batch/jobinstances/" + instanceId
                + "/jobexecutions", TestServers.admin());
        JsonArray list = Json.createReader(new java.io.StringReader(executions.body())).readArray();
        return list.getJsonObject(list.size() - 1);
    }
}
