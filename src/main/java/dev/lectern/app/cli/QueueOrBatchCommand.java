package dev.lectern.app.cli;

import dev.lectern.generation.BatchService;
import dev.lectern.generation.ControlWatcher;
import dev.lectern.generation.QueueService;
import dev.lectern.storage.Project;
import picocli.CommandLine.Parameters;

/**
 * {@code pause} and {@code resume-queue}: the whole queue, or with BATCH_ID one batch; on FILE held here, or asked of
 * the process that holds it (decision 0020).
 */
abstract class QueueOrBatchCommand extends ProjectCommand {
    @Parameters(index = "1", arity = "0..1", paramLabel = "BATCH_ID", description = "Only this batch, as printed by 'lectern batch'.")
    String batchId;

    final BatchService batches;
    final QueueService queue;
    private final String queueKind;
    private final String batchKind;

    /** {@code queueKind} and {@code batchKind}: the control requests (decision 0020) for the whole queue and for one batch. */
    QueueOrBatchCommand(ProjectAccess projects, BatchService batches, QueueService queue, String queueKind, String batchKind) {
        super(projects);
        this.batches = batches;
        this.queue = queue;
        this.queueKind = queueKind;
        this.batchKind = batchKind;
    }

    @Override
    public final Integer call() throws InterruptedException {
        if (batchId == null) {
            return applyOrAskHolder(queueKind, ControlWatcher.QUEUE, this::onQueue);
        }
        return applyOrAskHolder(batchKind, batchId, project -> onBatch(project, batchId));
    }

    abstract int onQueue(Project project) throws InterruptedException;

    abstract int onBatch(Project project, String batchId) throws InterruptedException;
}
