package io.practicalsystems.kv.node;

import io.practicalsystems.kv.coordinator.Reconciler;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import java.util.Arrays;
import java.util.List;

/** How the coordinator merges replicas' answers: {@link DottedVersionVectorSet#sync}, compared by version digest. */
final class VersionReconciler implements Reconciler<DottedVersionVectorSet<Blob>> {

    @Override
    public DottedVersionVectorSet<Blob> merge(List<DottedVersionVectorSet<Blob>> values) {
        DottedVersionVectorSet<Blob> merged = DottedVersionVectorSet.empty();
        for (DottedVersionVectorSet<Blob> value : values) {
            merged = merged.sync(value);
        }
        return merged;
    }

    /** Up to date when merging {@code merged} in would change none of the replica's counters or dots. */
    @Override
    public boolean covers(DottedVersionVectorSet<Blob> replicaValue, DottedVersionVectorSet<Blob> merged) {
        return Arrays.equals(replicaValue.sync(merged).versionDigest(), replicaValue.versionDigest());
    }
}
