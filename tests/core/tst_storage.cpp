// Storage foundation: migrations, transactions, the change feed, search tokens, on SQLite and PostgreSQL.
#include "core/search/SearchIndex.h"
#include "core/storage/BulkInsert.h"
#include "core/storage/Migrations.h"
#include "core/storage/PgChangeListener.h"
#include "core/storage/ReusedQuery.h"
#include "core/storage/SqliteBulkLoad.h"
#include "core/storage/SqliteStatement.h"
#include "tests/TestDatabase.h"

#include <sqlite3.h>

#include <thread>

#include <QElapsedTimer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlResult>

using namespace crm;

class TestStorage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void migratesEmptyDatabase()
    {
        CRM_OPEN_DB(db);
        auto version = Migrations::currentVersion(*db);
        QVERIFY(version.ok());
        QCOMPARE(*version, Migrations::latestVersion());
        QSqlQuery q = db->prepare(QStringLiteral("SELECT name FROM roles ORDER BY name"));
        QVERIFY(db->exec(q).ok());
        QStringList roles;
        while (q.next())
            roles << q.value(0).toString();
        QCOMPARE(roles, (QStringList{QStringLiteral("administrator"), QStringLiteral("manager"), QStringLiteral("rep")}));
        QSqlQuery s = db->prepare(QStringLiteral("SELECT s.name FROM stages s JOIN pipelines p ON p.id = s.pipeline_id"
                                                 " WHERE p.is_default = 1 ORDER BY s.position"));
        QVERIFY(db->exec(s).ok());
        QStringList stages;
        while (s.next())
            stages << s.value(0).toString();
        QCOMPARE(stages.join(QLatin1Char(',')), QStringLiteral("lead,qualified,proposal,negotiation,won,lost"));
    }

    void reopeningDoesNotMigrateTwice()
    {
        CRM_OPEN_DB(db);
        DatabaseOptions options;
        options.location = db.location;
        auto again = Database::open(options);
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().message));
        QSqlQuery q = (*again)->prepare(QStringLiteral("SELECT COUNT(*) FROM roles"));
        QVERIFY((*again)->exec(q).ok());
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 3);
    }

    // Schema 4: PostgreSQL samples search_grams with a target of 2000 (rare names are estimated rare).
    void searchStatisticsTarget()
    {
        CRM_OPEN_DB(db);
        if (db->isSqlite())
            QSKIP("PostgreSQL's planner statistics");
        QSqlQuery q = db->prepare(QStringLiteral("SELECT attstattarget FROM pg_attribute"
                                                 " WHERE attrelid = 'customers'::regclass AND attname = 'search_grams'"));
        QVERIFY(db->exec(q).ok());
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2000);
    }

    // A database created by the first release (schema 1) is brought up to date in place, its rows kept.
    void upgradesSchemaOne()
    {
        {
            test::TestDatabase v1(nullptr, nullptr, 1);
            if (!v1.skip.isEmpty())
                QSKIP(qPrintable(v1.skip));
            QVERIFY2(v1.error.isEmpty(), qPrintable(v1.error));
            QCOMPARE(*Migrations::currentVersion(*v1), 1);
            QVERIFY(v1->execSql(QStringLiteral("INSERT INTO tags (name) VALUES ('kept')")).ok());
            DatabaseOptions options;
            options.location = v1.location;
            auto upgraded = Database::open(options);
            QVERIFY2(upgraded.ok(), qPrintable(upgraded.ok() ? QString() : upgraded.error().message));
            Database &db = **upgraded;
            QCOMPARE(*Migrations::currentVersion(db), Migrations::latestVersion());
            QSqlQuery q = db.prepare(QStringLiteral("SELECT (SELECT COUNT(*) FROM tags WHERE name = 'kept'),"
                                                    " (SELECT MIN(version) FROM pipelines),"
                                                    " (SELECT COUNT(converted_contact_id) FROM leads),"
                                                    " (SELECT permissions FROM roles WHERE name = 'administrator')"));
            QVERIFY(db.exec(q).ok());
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 1);
            QCOMPARE(q.value(1).toInt(), 1);
            QCOMPARE(q.value(2).toInt(), 0);
            QCOMPARE(q.value(3).toString().split(QLatin1Char(' ')).count(QStringLiteral("customer.export_unmasked")), 1);
        }
    }

    // Migration 10 gives the customers indexed before it PostgreSQL's digit lexemes, exactly those
    // SearchIndex writes now, so a four-digit search finds them.
    void upgradeAddsDigitLexemes()
    {
        if (!test::usePostgres())
            QSKIP("the digit lexemes are PostgreSQL's");
        test::TestDatabase v9(nullptr, nullptr, 9);
        if (!v9.skip.isEmpty())
            QSKIP(qPrintable(v9.skip));
        QVERIFY2(v9.error.isEmpty(), qPrintable(v9.error));
        const QStringList texts = {QStringLiteral("Room 1380"), QStringLiteral("13805 138"), QStringLiteral("a12345b")};
        const QString now = SearchIndex::storedValueFor(*v9, texts, 7);
        QVERIFY(v9->write([&]() -> Status {
                      QSqlQuery c = v9->prepare(QStringLiteral("INSERT INTO customers (id, name, created_at, updated_at, search_grams)"
                                                               " VALUES (1, 'x', 0, 0, CAST(:g AS tsvector))"));
                      c.bindValue(QStringLiteral(":g"), now);
                      if (Status st = v9->exec(c); !st)
                          return st;
                      // As version 9 wrote it: without the digit lexemes.
                      return v9->execSql(QStringLiteral("UPDATE customers SET search_grams = ts_delete(search_grams, ARRAY(SELECT lexeme FROM unnest(search_grams)"
                                                        " WHERE lexeme LIKE '\u00b7d%'))"));
                  }).ok());
        auto digitLexemes = [](Database &db) {
            QSqlQuery q = db.prepare(QStringLiteral("SELECT lexeme FROM customers, unnest(search_grams) WHERE id = 1"
                                                    " AND lexeme LIKE '\u00b7d%' ORDER BY lexeme"));
            QStringList out;
            if (db.exec(q).ok())
                while (q.next())
                    out << q.value(0).toString();
            return out;
        };
        QCOMPARE(digitLexemes(*v9), QStringList());
        DatabaseOptions options;
        options.location = v9.location;
        auto upgraded = Database::open(options);
        QVERIFY2(upgraded.ok(), qPrintable(upgraded.ok() ? QString() : upgraded.error().message));
        Database &db = **upgraded;
        const QString d = SearchIndex::kDigitGramPrefix;
        const QStringList expected = {d + QStringLiteral("1234"), d + QStringLiteral("1380"), d + QStringLiteral("2345"),
                                      d + QStringLiteral("3805")};
        QCOMPARE(digitLexemes(db), expected);
        QSqlQuery same = db.prepare(QStringLiteral("SELECT search_grams = CAST(:g AS tsvector) FROM customers WHERE id = 1"));
        same.bindValue(QStringLiteral(":g"), now);
        QVERIFY(db.exec(same).ok() && same.next());
        QVERIFY(same.value(0).toBool());
        QSqlQuery find = db.prepare(QStringLiteral("SELECT COUNT(*) FROM customers c WHERE ") +
                                    SearchIndex::customerCondition(db, QStringLiteral("c.id")));
        find.bindValue(QStringLiteral(":kw"), SearchIndex::bindValue(db, QStringLiteral("2345")));
        QVERIFY(db.exec(find).ok() && find.next());
        QCOMPARE(find.value(0).toInt(), 1);
    }

    // Migration 13 gives SQLite's entries the digit lexemes SearchIndex writes now (their owner tokens
    // kept), and a phone fragment finds its customer through them.
    void upgradeAddsDigitLexemesOnSqlite()
    {
        if (test::usePostgres())
            QSKIP("PostgreSQL got them in migration 10");
        test::TestDatabase v12(nullptr, nullptr, 12);
        QVERIFY2(v12.error.isEmpty(), qPrintable(v12.error));
        auto texts = [](int id) {
            return QStringList{QStringLiteral("客户%1").arg(id), QStringLiteral("138%1").arg(id, 8, 10, QLatin1Char('0'))};
        };
        const int customers = 3;
        QVERIFY(v12->write([&]() -> Status {
                      for (int id = 1; id <= customers; ++id) {
                          QSqlQuery c = v12->prepare(QStringLiteral("INSERT INTO customers (id, name, created_at, updated_at)"
                                                                    " VALUES (:id, 'x', 0, 0)"));
                          c.bindValue(QStringLiteral(":id"), id);
                          if (Status st = v12->exec(c); !st)
                              return st;
                          // As version 12 wrote it: the owner token and the tokens, nothing after.
                          QSqlQuery e = v12->prepare(QStringLiteral("INSERT INTO customer_search (rowid, grams) VALUES (:id, :g)"));
                          e.bindValue(QStringLiteral(":id"), id);
                          e.bindValue(QStringLiteral(":g"), QString(SearchIndex::ownerToken(id) + QLatin1Char(' ') +
                                                                        SearchIndex::tokens(texts(id)).join(QLatin1Char(' '))));
                          if (Status st = v12->exec(e); !st)
                              return st;
                      }
                      return {};
                  }).ok());
        DatabaseOptions options;
        options.location = v12.location;
        auto upgraded = Database::open(options);
        QVERIFY2(upgraded.ok(), qPrintable(upgraded.ok() ? QString() : upgraded.error().message));
        Database &db = **upgraded;
        QSqlQuery entries = db.prepare(QStringLiteral("SELECT rowid, grams FROM customer_search ORDER BY rowid"));
        QVERIFY(db.exec(entries).ok());
        for (int id = 1; id <= customers; ++id) {
            QVERIFY(entries.next());
            QCOMPARE(entries.value(0).toInt(), id);
            QCOMPARE(entries.value(1).toString(), SearchIndex::storedValueFor(db, texts(id), id));
        }
        QVERIFY(!entries.next());
        entries.finish();
        QSqlQuery find = db.prepare(QStringLiteral("SELECT c.id FROM customers c WHERE ") +
                                    SearchIndex::customerCondition(db, QStringLiteral("c.id")));
        find.bindValue(QStringLiteral(":kw"), SearchIndex::bindValue(db, QStringLiteral("800000002")));
        QVERIFY(db.exec(find).ok() && find.next());
        QCOMPARE(find.value(0).toInt(), 2);
        QVERIFY(!find.next());
        QSqlQuery old = db.prepare(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'customer_search_v12%'"));
        QVERIFY(db.exec(old).ok() && old.next());
        QCOMPARE(old.value(0).toInt(), 0);
    }

    // A bulk load runs with a rollback journal when it has the file to itself, rolls back like any
    // transaction, and leaves the database in WAL mode with the everyday settings. With another
    // connection open it stays in WAL mode, without waiting for that connection.
    void bulkLoadSwitchesJournalOnlyWhenAlone()
    {
        CRM_OPEN_DB(db);
        if (!db->isSqlite()) {
            SqliteBulkLoad bulk(*db, 256, true);
            QVERIFY(!bulk.rollbackJournal());
            return;
        }
        auto pragma = [&](const char *name) {
            QSqlQuery q = db->prepare(QStringLiteral("PRAGMA ") + QLatin1String(name));
            return db->exec(q).ok() && q.next() ? q.value(0).toString() : QString();
        };
        {
            SqliteBulkLoad bulk(*db, 256, true);
            QVERIFY(bulk.rollbackJournal());
            QCOMPARE(pragma("journal_mode"), QStringLiteral("delete"));
            QCOMPARE(pragma("cache_size"), QStringLiteral("-262144"));
            QCOMPARE(pragma("temp_store"), QStringLiteral("1")); // file
            Status st = db->write([&]() -> Status {
                if (Status s = db->execSql(QStringLiteral("INSERT INTO tags (name) VALUES ('rolled back')")); !s)
                    return s;
                return Error::validation(QStringLiteral("required"), QStringLiteral("x"), QStringLiteral("boom"));
            });
            QVERIFY(!st.ok());
        }
        QCOMPARE(pragma("journal_mode"), QStringLiteral("wal"));
        QCOMPARE(pragma("cache_size"), QStringLiteral("-65536"));
        QCOMPARE(pragma("temp_store"), QStringLiteral("2")); // memory
        QSqlQuery q = db->prepare(QStringLiteral("SELECT COUNT(*) FROM tags WHERE name = 'rolled back'"));
        QVERIFY(db->exec(q).ok() && q.next());
        QCOMPARE(q.value(0).toInt(), 0);

        auto other = db->openAnother();
        QVERIFY(other.ok());
        QElapsedTimer timer;
        timer.start();
        {
            SqliteBulkLoad bulk(*db, 256, false);
            QVERIFY(!bulk.rollbackJournal());
            QCOMPARE(pragma("journal_mode"), QStringLiteral("wal"));
        }
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed()))); // the busy timeout is 10 s
        QCOMPARE(pragma("journal_mode"), QStringLiteral("wal"));
    }

    void createIndexesBuildsAllOrNothingAndPutsTheCacheBack()
    {
        CRM_OPEN_DB(db);
        auto indexes = [&](const char *name) {
            QSqlQuery q = db->prepare(db->isSqlite() ? QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = :n")
                                                     : QStringLiteral("SELECT COUNT(*) FROM pg_indexes WHERE indexname = :n"));
            q.bindValue(QStringLiteral(":n"), QLatin1String(name));
            return db->exec(q).ok() && q.next() ? q.value(0).toInt() : -1;
        };
        QVERIFY(db->write([&]() -> Status {
                      return SqliteBulkLoad::createIndexes(*db, {QStringLiteral("CREATE INDEX test_tags_a ON tags(name, id)")});
                  }).ok());
        QCOMPARE(indexes("test_tags_a"), 1);
        // A failing statement fails the call; the caller's rollback takes the indexes before it too.
        Status failed = db->write([&]() -> Status {
            return SqliteBulkLoad::createIndexes(*db, {QStringLiteral("CREATE INDEX test_tags_b ON tags(id, name)"),
                                                       QStringLiteral("CREATE INDEX test_tags_c ON no_such_table(x)")});
        });
        QVERIFY(!failed.ok());
        QCOMPARE(indexes("test_tags_b"), 0);
        if (db->isSqlite()) {
            QSqlQuery q = db->prepare(QStringLiteral("PRAGMA cache_size"));
            QVERIFY(db->exec(q).ok() && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("-65536")); // Database::open's, after either outcome
            QSqlQuery store = db->prepare(QStringLiteral("PRAGMA temp_store"));
            QVERIFY(db->exec(store).ok() && store.next());
            QCOMPARE(store.value(0).toString(), QStringLiteral("2")); // memory, as Database::open set it
        }
    }

    // BulkInsert keeps rows until flush() and then writes them all, in full statements and the rest
    // one by one, each value exactly: texts shorter after longer, '' as '', empty optional values as
    // NULL. A failing row fails flush() (the caller's transaction is lost).
    void bulkInsertWritesKeptRowsExactlyOnFlush()
    {
        CRM_OPEN_DB(db);
        QVERIFY(db->execSql(QStringLiteral("CREATE TABLE bulk_check (i BIGINT PRIMARY KEY, a TEXT, b TEXT, n BIGINT, m BIGINT)")).ok());
        auto count = [&] {
            QSqlQuery q = db->prepare(QStringLiteral("SELECT COUNT(*) FROM bulk_check"));
            return db->exec(q).ok() && q.next() ? q.value(0).toInt() : -1;
        };
        const QStringList texts = {QString(300, QChar(u'长')), QStringLiteral("深圳星河科技有限公司"), QStringLiteral(""), QStringLiteral("x"),
                                   QString::fromUtf8("\xF0\x9F\x98\x80 emoji"), QStringLiteral("b"), QStringLiteral("南山区")};
        Status written = db->write([&]() -> Status {
            BulkInsert insert(*db, QStringLiteral("INSERT INTO bulk_check (i, a, b, n, m) VALUES "), QStringLiteral("(?,?,?,?,?)"), 5, 3);
            for (int round = 0; round < 2; ++round) {
                const int rows = round == 0 ? 7 : 4; // two full statements and one row, then one and one
                for (int i = 0; i < rows; ++i) {
                    const qint64 id = round * 100 + i;
                    insert.add(id, texts[i], bulk::text(texts[texts.size() - 1 - i]), bulk::nullableId(i % 2 ? id : 0),
                               i % 3 ? std::optional<qint64>(i - 1) : std::nullopt);
                }
                if (count() != round * 7)
                    return Error::internal(); // kept until flush()
                if (Status st = insert.flush(); !st)
                    return st;
            }
            return {};
        });
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
        QCOMPARE(count(), 11);
        QSqlQuery q = db->prepare(QStringLiteral("SELECT i, a, b, b IS NULL, n, n IS NULL, m, m IS NULL FROM bulk_check ORDER BY i"));
        QVERIFY(db->exec(q).ok());
        for (int round = 0; round < 2; ++round)
            for (int i = 0; i < (round == 0 ? 7 : 4); ++i) {
                QVERIFY(q.next());
                QCOMPARE(q.value(0).toLongLong(), round * 100 + i);
                QCOMPARE(q.value(1).toString(), texts[i]);
                const QString b = texts[texts.size() - 1 - i];
                QCOMPARE(q.value(3).toBool(), b.isEmpty());
                QCOMPARE(q.value(2).toString(), b);
                QCOMPARE(q.value(5).toBool(), i % 2 == 0);
                if (i % 2)
                    QCOMPARE(q.value(4).toLongLong(), round * 100 + i);
                QCOMPARE(q.value(7).toBool(), i % 3 == 0);
                if (i % 3)
                    QCOMPARE(q.value(6).toLongLong(), i - 1); // zero included
            }
        QVERIFY(!q.next());
        QSqlQuery empty = db->prepare(QStringLiteral("SELECT COUNT(*) FROM bulk_check WHERE a = ''"));
        QVERIFY(db->exec(empty).ok() && empty.next());
        QCOMPARE(empty.value(0).toInt(), 2);

        Status duplicate = db->write([&]() -> Status {
            BulkInsert insert(*db, QStringLiteral("INSERT INTO bulk_check (i, a, b, n, m) VALUES "), QStringLiteral("(?,?,?,?,?)"), 5, 3);
            for (qint64 id : {1000, 1001, 1002, 1003, 5})
                insert.add(id, QStringLiteral("again"), bulk::text(QString()), bulk::nullableId(0), std::optional<qint64>());
            return insert.flush();
        });
        QVERIFY(!duplicate.ok());
        QCOMPARE(duplicate.error().code, QStringLiteral("conflict.duplicate"));
        QCOMPARE(count(), 11);
    }

    // SqliteStatement binds texts as UTF-8 from a buffer per parameter that it reuses: each row must
    // read back exactly, shorter after longer and longer after shorter, and '' must stay '' (not NULL).
    void sqliteStatementBindsEachTextExactly()
    {
        CRM_OPEN_DB(db);
        if (!db->isSqlite())
            QSKIP("sqlite3's C API only");
        QVERIFY(db->execSql(QStringLiteral("CREATE TABLE bind_check (i INTEGER PRIMARY KEY, a TEXT, b TEXT)")).ok());
        const QStringList texts = {QStringLiteral("深圳星河科技有限公司，南山区科技园"), QStringLiteral("x"), QString(),
                                   QString::fromUtf8("\xF0\x9F\x98\x80 emoji and 中文"), QStringLiteral("a\0b"), QString(300, QChar(u'长'))};
        {
            SqliteStatement insert(*db, QStringLiteral("INSERT INTO bind_check (i, a, b) VALUES (?, ?, ?)"));
            for (int i = 0; i < texts.size(); ++i) {
                QVERIFY(insert.bindInteger(1, i));
                QVERIFY(insert.bindText(2, texts[i]));
                QVERIFY(insert.bindText(3, texts[texts.size() - 1 - i]));
                QVERIFY(insert.execute().ok());
            }
        }
        QSqlQuery q = db->prepare(QStringLiteral("SELECT a, b, a IS NULL FROM bind_check ORDER BY i"));
        QVERIFY(db->exec(q).ok());
        for (int i = 0; i < texts.size(); ++i) {
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), texts[i]);
            QCOMPARE(q.value(1).toString(), texts[texts.size() - 1 - i]);
            QCOMPARE(q.value(2).toInt(), 0);
        }
    }

    void refusesNewerSchema()
    {
        CRM_OPEN_DB(db);
        QVERIFY(db->execSql(QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (999, 0)")).ok());
        DatabaseOptions options;
        options.location = db.location;
        auto again = Database::open(options);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, QStringLiteral("storage.too_new"));
        QVERIFY(again.error().message.contains(QLatin1String("newer version")));
    }

    void failedWriteRollsBackEverything()
    {
        CRM_OPEN_DB(db);
        Status st = db->write([&]() -> Status {
            if (Status s = db->execSql(QStringLiteral("INSERT INTO tags (name) VALUES ('first')")); !s)
                return s;
            return Error::validation(QStringLiteral("required"), QStringLiteral("x"), QStringLiteral("boom"));
        });
        QVERIFY(!st.ok());
        QSqlQuery q = db->prepare(QStringLiteral("SELECT COUNT(*) FROM tags"));
        QVERIFY(db->exec(q).ok());
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void nestedFailureRollsBackOuter()
    {
        CRM_OPEN_DB(db);
        Status st = db->write([&]() -> Status {
            (void)db->execSql(QStringLiteral("INSERT INTO tags (name) VALUES ('outer')"));
            Status inner = db->write([&]() -> Status { return Error::internal(); });
            Q_UNUSED(inner);
            return {}; // the outer ignores the inner failure, but the transaction must still roll back
        });
        QVERIFY(!st.ok());
        QSqlQuery q = db->prepare(QStringLiteral("SELECT COUNT(*) FROM tags"));
        QVERIFY(db->exec(q).ok());
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    // ReusedQuery hands the statement back for the next use of the same text: each use runs with its
    // own values, after a failure too, and a statement left half read holds nothing on its table.
    void reusedStatementRunsWithEachUsesValues()
    {
        CRM_OPEN_DB(db);
        const QString insert = QStringLiteral("INSERT INTO tags (name) VALUES (:n)");
        auto add = [&](const QString &name) {
            ReusedQuery q(*db, insert);
            q->bindValue(QStringLiteral(":n"), name);
            return db->exec(*q);
        };
        QVERIFY(add(QStringLiteral("a")).ok());
        QCOMPARE(add(QStringLiteral("a")).error().code, QStringLiteral("conflict.duplicate"));
        QVERIFY(add(QStringLiteral("b")).ok()); // the statement that failed runs again
        QVERIFY(add(QStringLiteral("c")).ok());

        const QString count = QStringLiteral("SELECT COUNT(*) FROM tags WHERE name = :n");
        auto countOf = [&](const QString &name) {
            ReusedQuery q(*db, count);
            q->bindValue(QStringLiteral(":n"), name);
            if (!db->exec(*q).ok() || !q->next())
                return -1;
            return q->value(0).toInt();
        };
        QCOMPARE(countOf(QStringLiteral("b")), 1);
        QCOMPARE(countOf(QStringLiteral("zzz")), 0);
        QCOMPARE(countOf(QStringLiteral("a")), 1);

        // A statement in steady use outlives many used once (texts with a user's scope inlined): the
        // cache lets the one used longest ago go, not all of them.
        for (int i = 0; i < 600; ++i) {
            ReusedQuery once(*db, QStringLiteral("SELECT :x + %1").arg(i));
            once->bindValue(QStringLiteral(":x"), 1);
            QVERIFY(db->exec(*once).ok());
            if (i % 100 == 0)
                QCOMPARE(countOf(QStringLiteral("b")), 1);
        }

        if (db->isSqlite()) { // one compiled statement ran all nine counts (and runs the next)
            ReusedQuery q(*db, count);
            const QVariant handle = q->result()->handle();
            QCOMPARE(handle.typeName(), "sqlite3_stmt*");
            sqlite3_stmt *statement = *static_cast<sqlite3_stmt *const *>(handle.constData());
            QVERIFY(statement);
            QCOMPARE(sqlite3_stmt_status(statement, SQLITE_STMTSTATUS_RUN, 0), 9);
        }

        // Read one row of three and leave: the next use starts over, and the table can be dropped.
        QVERIFY(db->execSql(QStringLiteral("CREATE TABLE scratch_names (name TEXT)")).ok());
        QVERIFY(db->execSql(QStringLiteral("INSERT INTO scratch_names VALUES ('x'), ('y'), ('z')")).ok());
        const QString names = QStringLiteral("SELECT name FROM scratch_names WHERE name >= :from ORDER BY name");
        for (int use = 0; use < 2; ++use) {
            ReusedQuery q(*db, names);
            q->bindValue(QStringLiteral(":from"), QStringLiteral("x"));
            QVERIFY(db->exec(*q).ok());
            QVERIFY(q->next());
            QCOMPARE(q->value(0).toString(), QStringLiteral("x"));
        }
        QVERIFY(db->execSql(QStringLiteral("DROP TABLE scratch_names")).ok());
    }

    // Two threads of one process writing to one SQLite file: the second waits at the process's
    // SqliteWriteGate and goes in when the first commits, never meeting SQLite's lock (whose busy
    // handler would make it poll with sleeps); past the busy timeout it gives up as storage.busy.
    void writersOfOneProcessQueueAtTheGate()
    {
        CRM_OPEN_DB(db);
        if (!db->isSqlite())
            QSKIP("SQLite's write lock only");
        auto holdWrite = [&](const QString &tag, int holdMs, QSemaphore &inside) {
            return std::thread([&, tag, holdMs] {
                DatabaseOptions options = db->options();
                auto own = Database::open(options);
                QVERIFY(own.ok());
                Status st = (*own)->write([&]() -> Status {
                    Status added = (*own)->execSql(QStringLiteral("INSERT INTO tags (name) VALUES ('%1')").arg(tag));
                    inside.release();
                    std::this_thread::sleep_for(std::chrono::milliseconds(holdMs));
                    return added;
                });
                QVERIFY(st.ok());
            });
        };
        // Counts SQLite's busy callbacks on this thread's connection (and retries after 1 ms).
        int busyCalls = 0;
        sqlite3_busy_handler(db->sqliteHandle(), [](void *calls, int) {
            ++*static_cast<int *>(calls);
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            return 1;
        }, &busyCalls);

        QSemaphore inside;
        std::thread first = holdWrite(QStringLiteral("first"), 200, inside);
        if (!inside.tryAcquire(1, 10000)) {
            first.join();
            QFAIL("the first writer did not start");
        }
        Status second = db->write([&]() -> Status { return db->execSql(QStringLiteral("INSERT INTO tags (name) VALUES ('second')")); });
        first.join();
        QVERIFY(second.ok());
        QCOMPARE(busyCalls, 0);
        QSqlQuery order = db->prepare(QStringLiteral("SELECT name FROM tags WHERE name IN ('first', 'second') ORDER BY id"));
        QVERIFY(db->exec(order).ok());
        QStringList names;
        while (order.next())
            names << order.value(0).toString();
        QCOMPARE(names, (QStringList{QStringLiteral("first"), QStringLiteral("second")}));
        sqlite3_busy_timeout(db->sqliteHandle(), db->options().busyTimeoutMs);

        // A connection that waits 50 ms for a write held for 1 s.
        DatabaseOptions impatient = db->options();
        impatient.busyTimeoutMs = 50;
        auto quick = Database::open(impatient);
        QVERIFY(quick.ok());
        std::thread slow = holdWrite(QStringLiteral("slow"), 1000, inside);
        if (!inside.tryAcquire(1, 10000)) {
            slow.join();
            QFAIL("the slow writer did not start");
        }
        Status refused = (*quick)->write([&]() -> Status { return (*quick)->execSql(QStringLiteral("INSERT INTO tags (name) VALUES ('late')")); });
        slow.join();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("storage.busy"));
        // The gate was left: the same connection writes now.
        QVERIFY((*quick)->write([&]() -> Status { return (*quick)->execSql(QStringLiteral("INSERT INTO tags (name) VALUES ('late')")); }).ok());
    }

    void uniqueViolationIsTypedConflict()
    {
        CRM_OPEN_DB(db);
        QVERIFY(db->execSql(QStringLiteral("INSERT INTO tags (name) VALUES ('vip')")).ok());
        QSqlQuery q = db->prepare(QStringLiteral("INSERT INTO tags (name) VALUES (:n)"));
        q.bindValue(QStringLiteral(":n"), QStringLiteral("vip"));
        Status st = db->exec(q);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, QStringLiteral("conflict.duplicate"));
        QVERIFY(!st.error().message.contains(QLatin1String("UNIQUE"))); // no driver internals
    }

    void changesPublishedOnlyAfterCommit()
    {
        ChangeFeed feed;
        CRM_OPEN_DB(db, nullptr, &feed);
        QSignalSpy spy(&feed, &ChangeFeed::changed);
        Status failed = db->write([&]() -> Status {
            db->notifyAfterCommit({QStringLiteral("customer"), 1, QStringLiteral("created")});
            return Error::internal();
        });
        QVERIFY(!failed.ok());
        QCOMPARE(spy.count(), 0);
        Status ok = db->write([&]() -> Status {
            db->notifyAfterCommit({QStringLiteral("customer"), 2, QStringLiteral("created")});
            return {};
        });
        QVERIFY(ok.ok());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<Change>().id, 2);
    }

    void searchFindsOneTwoAndManyCharacterSubstrings()
    {
        CRM_OPEN_DB(db);
        const QStringList names = {QStringLiteral("深圳星河科技有限公司"), QStringLiteral("王芳"), QStringLiteral("Acme Trading Ltd"),
                                   QStringLiteral("13812345678"), QStringLiteral("李科"), QStringLiteral("wang13805@xh.com"),
                                   QStringLiteral("12345 34567")};
        QVERIFY(db->write([&]() -> Status {
                      for (int i = 0; i < names.size(); ++i) {
                          QSqlQuery c = db->prepare(QStringLiteral("INSERT INTO customers (id, name, created_at, updated_at)"
                                                                   " VALUES (:id, :n, 0, 0)"));
                          c.bindValue(QStringLiteral(":id"), i + 1);
                          c.bindValue(QStringLiteral(":n"), names[i]);
                          if (Status st = db->exec(c); !st)
                              return st;
                          if (Status st = SearchIndex::indexCustomer(*db, i + 1, {names[i]}, std::nullopt); !st)
                              return st;
                      }
                      return {};
                  }).ok());
        auto find = [&](const QString &kw) {
            QSqlQuery q = db->prepare(QStringLiteral("SELECT id FROM customers c WHERE ") +
                                      SearchIndex::customerCondition(*db, QStringLiteral("c.id")) + QStringLiteral(" ORDER BY id"));
            q.bindValue(QStringLiteral(":kw"), SearchIndex::bindValue(*db, kw));
            QList<int> ids;
            if (!db->exec(q).ok())
                return QList<int>{-1};
            while (q.next())
                ids << q.value(0).toInt();
            return ids;
        };
        QCOMPARE(find(QStringLiteral("科技")), QList<int>({1}));
        QCOMPARE(find(QStringLiteral("科技有")), QList<int>({1}));
        QCOMPARE(find(QStringLiteral("星河科技有限公司")), QList<int>({1}));
        QCOMPARE(find(QStringLiteral("河有")), QList<int>());     // not a substring
        QCOMPARE(find(QStringLiteral("科")), QList<int>({1, 5})); // one character, also at the end of a name
        QCOMPARE(find(QStringLiteral("芳")), QList<int>({2}));
        QCOMPARE(find(QStringLiteral("王芳")), QList<int>({2}));
        QCOMPARE(find(QStringLiteral("acme")), QList<int>({3}));
        QCOMPARE(find(QStringLiteral("TRAD")), QList<int>({3}));
        QCOMPARE(find(QStringLiteral("5678")), QList<int>({4})); // phone tail
        // Four digits or more (on PostgreSQL the phrase of its digit lexemes), also inside a word.
        QCOMPARE(find(QStringLiteral("8123456")), QList<int>({4}));
        QCOMPARE(find(QStringLiteral("1380")), QList<int>({6}));
        QCOMPARE(find(QStringLiteral("g13805")), QList<int>({6}));
        QCOMPARE(find(QStringLiteral("138")), QList<int>({4, 6}));
        QCOMPARE(find(QStringLiteral("1381")), QList<int>({4}));
        QCOMPARE(find(QStringLiteral("3806")), QList<int>());
        // Digits of two runs do not join: "123456" is in 13812345678 only.
        QCOMPARE(find(QStringLiteral("3456")), QList<int>({4, 7}));
        QCOMPARE(find(QStringLiteral("123456")), QList<int>({4}));
        QCOMPARE(find(QStringLiteral("星河 公司")), QList<int>({1}));
        QCOMPARE(find(QStringLiteral("' OR 1=1 --")), QList<int>()); // SQL and query-syntax metacharacters are inert
        // Nothing searchable left: no query at all, the caller drops the keyword filter.
        QVERIFY(SearchIndex::bindValue(*db, QStringLiteral("\"*^ ")).isEmpty());
    }
    // Another process's committed writes reach this process's feed through LISTEN/NOTIFY; our own
    // writes are not delivered twice and rolled-back writes not at all.
    void otherProcessesChangesArriveOnPostgres()
    {
        if (!test::usePostgres())
            QSKIP("LISTEN/NOTIFY is PostgreSQL only; SQLite has a single writer process");
        ChangeFeed feed;
        CRM_OPEN_DB(db, nullptr, &feed);
        PgChangeListener listener(*db, &feed);
        QVERIFY(listener.start().ok());
        QSignalSpy spy(&feed, &ChangeFeed::changed);

        DatabaseOptions otherOptions = db->options();
        otherOptions.feed = nullptr;
        otherOptions.origin = QStringLiteral("otherprocess");
        auto other = Database::open(otherOptions);
        QVERIFY(other.ok());
        Status failed = (*other)->write([&]() -> Status {
            (*other)->notifyAfterCommit({QStringLiteral("customer"), 7, QStringLiteral("deleted")});
            return Error::validation(QStringLiteral("required"), QStringLiteral("name"), QStringLiteral("no"));
        });
        QVERIFY(!failed.ok());
        QVERIFY((*other)->write([&]() -> Status {
            (*other)->notifyAfterCommit({QStringLiteral("customer"), 42, QStringLiteral("updated")});
            return {};
        }).ok());
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 5000);
        const Change got = spy.at(0).at(0).value<Change>();
        QCOMPARE(got.entity, QStringLiteral("customer"));
        QCOMPARE(got.id, 42);
        QCOMPARE(got.kind, QStringLiteral("updated"));

        // Our own write: published once at commit, its notification ignored.
        QVERIFY(db->write([&]() -> Status {
            db->notifyAfterCommit({QStringLiteral("task"), 3, QStringLiteral("created")});
            return {};
        }).ok());
        QTest::qWait(300);
        QCOMPARE(spy.size(), 2);

        // A transaction with many changes (an import): each arrives once, a duplicate not at all,
        // over several notifications (PostgreSQL takes payloads under 8000 bytes).
        spy.clear();
        QVERIFY((*other)->write([&]() -> Status {
            for (int i = 1; i <= 600; ++i) {
                (*other)->notifyAfterCommit({QStringLiteral("opportunity"), 1'000'000 + i, QStringLiteral("created")});
                (*other)->notifyAfterCommit({QStringLiteral("customer"), 9, QStringLiteral("updated")});
            }
            return {};
        }).ok());
        QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 601, 5000);
        QCOMPARE(spy.at(0).at(0).value<Change>().id, 1'000'001);
        QCOMPARE(spy.at(1).at(0).value<Change>().entity, QStringLiteral("customer"));
        QCOMPARE(spy.at(600).at(0).value<Change>().id, 1'000'600);
        QTest::qWait(300);
        QCOMPARE(spy.size(), 601);
        QVERIFY(!PgChangeListener::parse(QStringLiteral("customer:x:updated:o")));
        QVERIFY(!PgChangeListener::parse(QStringLiteral("garbage")));
    }
};

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
