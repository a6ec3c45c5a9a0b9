package dev.lectern.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One writer per project file: an OS lock on a sidecar {@code FILE.lock} that also names its holder, so a
 * second process can say who has the project open. The OS drops the lock when the holder dies, so a crash
 * never leaves a project locked.
 */
final class ProjectLock implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileChannel channel;
    private final FileLock lock;

    private ProjectLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static Path lockFileOf(Path project) {
        return project.resolveSibling(project.getFileName() + ".lock");
    }

    static ProjectLock acquire(Path project) {
        Path lockFile = lockFileOf(project);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw locked(project, lockFile);
            }
            writeHolder(channel);
            return new ProjectLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            if (!Files.isWritable(project.toAbsolutePath().getParent())) {
                throw new ProjectFileException(ProjectFileException.Reason.READ_ONLY, project,
                        "cannot write beside " + project.getFileName() + " (read-only folder); copy the project somewhere writable", e);
            }
            throw new ProjectFileException(ProjectFileException.Reason.IO_ERROR, project,
                    "cannot lock " + project.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static void writeHolder(FileChannel channel) throws IOException {
        Map<String, Object> holder = new LinkedHashMap<>();
        holder.put("pid", ProcessHandle.current().pid());
        holder.put("host", hostName());
        holder.put("user", System.getProperty("user.name"));
        holder.put("since", Instant.now().toString());
        byte[] bytes = JSON.writeValueAsBytes(holder);
        channel.truncate(0);
        // Not forced to disk: another process reads it through the same page cache, and after a power loss no one
        // holds the lock it describes. An fsync here cost every open a millisecond or more.
        channel.write(ByteBuffer.wrap(bytes), 0);
    }

    private static ProjectFileException locked(Path project, Path lockFile) {
        String who = "another Lectern";
        try {
            JsonNode holder = JSON.readTree(Files.readString(lockFile, StandardCharsets.UTF_8));
            who = "another Lectern (process " + holder.path("pid").asText("?") + " of "
                    + holder.path("user").asText("?") + " on " + holder.path("host").asText("?")
                    + ", since " + holder.path("since").asText("?") + ")";
        } catch (IOException | RuntimeException ignored) {
            // a holder that has not finished writing its name yet: say what we know
        }
        return new ProjectFileException(ProjectFileException.Reason.LOCKED, project,
                project.getFileName() + " is open in " + who + "; close it there, or open it read-only");
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "this computer";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    @Override
    public void close() {
        // The sidecar stays: deleting it would let a process that opened it a moment ago lock an orphaned
        // inode while a third creates a new one, and then two writers would each think they are alone.
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the OS releases the lock with the process anyway
        }
    }
}
