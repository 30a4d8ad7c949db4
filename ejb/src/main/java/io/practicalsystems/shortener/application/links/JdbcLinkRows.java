package io.practicalsystems.shortener.application.links;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * New links inserted with plain JDBC on the pooled datasource, outside JTA: a create is one INSERT, and the EJB
 * container, JTA and JPA's unit of work around it cost more CPU than the insert (docs/shortener.md). The same row
 * JPA writes for a {@link ShortLink} (VERSION 1: the entity's first version), which JPA then reads and updates.
 */
@ApplicationScoped
public class JdbcLinkRows implements LinkRows {

    static final String INSERT = "INSERT INTO SHORTENER_LINK (ID, CODE, TARGET_URL, TARGET_HASH, OWNER_KEY, "
            + "REDIRECT_STATUS, CUSTOM_ALIAS, CREATED_AT, UPDATED_AT, EXPIRES_AT, DELETED_AT, VERSION) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 1)";

    @Resource(lookup = "jdbc/practical")
    DataSource dataSource;

    @Override
    public void insertAll(List<ShortLink> links) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            // NO_GENERATED_KEYS said outright: Liberty prepares a plain prepareStatement(sql) with the result set
            // type and concurrency, which MariaDB's Connector/J takes as RETURN_GENERATED_KEYS, and it then sends
            // the batch as one INSERT per row instead of one COM_STMT_BULK_EXECUTE (docs/shortener.md).
            try (PreparedStatement insert = connection.prepareStatement(INSERT, Statement.NO_GENERATED_KEYS)) {
                for (ShortLink link : links) {
                    bind(insert, link);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    @Override
    public void insert(ShortLink link) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bind(insert, link);
            insert.executeUpdate();
        }
    }

    private static void bind(PreparedStatement insert, ShortLink link) throws SQLException {
        insert.setLong(1, link.id());
        insert.setString(2, link.code());
        insert.setString(3, link.targetUrl());
        insert.setString(4, link.targetHash());
        insert.setString(5, link.ownerKey());
        insert.setInt(6, link.redirectStatus());
        insert.setBoolean(7, link.customAlias());
        insert.setTimestamp(8, timestamp(link.createdAt()));
        insert.setTimestamp(9, timestamp(link.updatedAt()));
        if (link.expiresAt() == null) {
            insert.setNull(10, Types.TIMESTAMP);
        } else {
            insert.setTimestamp(10, timestamp(link.expiresAt()));
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }
}
