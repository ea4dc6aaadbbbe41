#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace crm {

class Database;

// Substring keyword search that works for Chinese and for short queries.
//
// SQLite's trigram tokenizer cannot match one- or two-character queries (科技, 王芳), so we index our
// own tokens instead: the text is lower-cased and split into runs of letters and digits; each run of
// n characters yields its n-1 overlapping bigrams followed by its last character. Then
//   - a 1-character query is a prefix query ("科*": every character starts some token),
//   - a query of 2+ characters is the phrase of its bigrams ("科技有" -> "科技 技有"), which matches
//     exactly the runs containing the query as a substring.
// SQLite stores the tokens in an FTS5 table (tokenizer 'ascii': spaces separate, every other byte
// belongs to a token); PostgreSQL stores them in customers.search_grams, a tsvector with positions
// built here (so its parser and locale play no part), queried with <-> phrases through a GIN index.
// Punctuation is not searchable: "wang@xh.com" is indexed as the runs wang, xh, com.
//
// PostgreSQL also stores every four consecutive ASCII digits as one lexeme ("·d1380"), placed after
// the other tokens so that those of one run of digits are consecutive, and a query run of four digits
// or more is the phrase of its digit lexemes. GIN keeps no positions: for a phrase of bigrams it
// returns every customer that has them all anywhere, and phone numbers share their digit bigrams
// ("1380" re-read 7,899 customers of the 1M demo for its 824 matches). SQLite stores them too (since
// migration 13), after the tokens, each run's consecutive and runs apart: FTS5 keeps positions, but
// the digit bigrams' lists run to most phones, so reading them cost a phone fragment 10-15 ms at 1M.
class SearchIndex
{
public:
    // Starts the digit lexemes; like the owner token, no query run can contain it.
    static inline const QString kDigitGramPrefix = QStringLiteral("\u00b7d");

    // The token stream for some texts (name, company, phones, emails, tags ...).
    static QStringList tokens(const QStringList &texts);
    // Runs of the normalised query; empty when nothing searchable remains.
    static QStringList queryRuns(const QString &keyword);

    // SQL condition (with placeholder :kw) restricting `idColumn` ("c.id": the customers table's id
    // under its alias) to customers matching the keyword, and the value to bind for it.
    static QString customerCondition(const Database &db, const QString &idColumn);
    static QString bindValue(const Database &db, const QString &keyword);
    // The same match narrowed to customers of these owners (OwnerFilter::pool: the public pool). The SQL
    // scope condition still decides what is visible; this lets the index intersect a common word with
    // a rep's few thousand customers instead of walking every match. An empty list narrows nothing.
    static QString bindValue(const Database &db, const QString &keyword, const QVector<std::optional<qint64>> &owners);

    // Every entry starts with a token naming the customer's owner ("\u00b7o42", "\u00b7pool"). It begins
    // with a character no query run can contain (runs are letters and digits only), so no keyword ever
    // matches it, not even a one-character prefix query.
    static QString ownerToken(std::optional<qint64> ownerId);

    // Replace one customer's entry (inside the caller's transaction).
    static Status indexCustomer(Database &db, qint64 customerId, const QStringList &texts, std::optional<qint64> ownerId);
    static Status removeCustomer(Database &db, qint64 customerId);
    // Swap the owner token of one entry after an ownership change (claim, release, assign).
    static Status setOwner(Database &db, qint64 customerId, std::optional<qint64> from, std::optional<qint64> to);

    // SQLite bulk loads: entries staged in `table` (id, grams) for ids firstId..lastId enter the FTS5
    // index in 250,000-row statements. FTS5 writes out its pending terms at the start of every
    // statement of a transaction, so many small INSERTs made as many small segments to merge. Rows
    // indexed meanwhile (an import updating a customer it created) keep that newer entry. In slices
    // because FTS5 holds a statement's terms in memory until it ends (one statement for a million
    // rows grew the process by 400 MB).
    static Status loadStaged(Database &db, const QString &table, qint64 firstId, qint64 lastId);

    // After a bulk load (the demo, a large import): SQLite merges the FTS5 index into one segment, so a
    // query reads one doclist per token instead of one per segment the load left behind (measured on the
    // 1M demo: 2.6 s; a rep's "科技" page 0.19 -> 0.10 ms of SQL, the API's search 4.1k -> 6.5k req/s).
    // Inside the caller's transaction. PostgreSQL's GIN index has no segments (its pending list is
    // flushed by the VACUUM that follows its loads): nothing to do there.
    static Status compact(Database &db);

    // The value stored for a customer: FTS5 text on SQLite, tsvector literal on PostgreSQL.
    static QString storedValue(const Database &db, const QStringList &tokens);
    // The same from the texts and owner; thread-safe (bulk indexing tokenizes on a worker thread).
    static QString storedValueFor(const Database &db, const QStringList &texts, std::optional<qint64> ownerId);
    // SQLite: the CREATE statement of the store's customer_search, to make it again empty.
    static Result<QString> createStatement(Database &db);
    // SQLite: an entry as written before migration 13, with the digit lexemes storedValueFor adds now.
    static QString withDigitGrams(const QString &entry);
};

} // namespace crm
