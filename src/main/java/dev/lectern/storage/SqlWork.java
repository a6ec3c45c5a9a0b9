package dev.lectern.storage;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work against the project's connection, run inside {@link Database#read} or {@link Database#write}. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
