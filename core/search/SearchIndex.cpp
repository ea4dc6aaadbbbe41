#include "core/search/SearchIndex.h"

#include "core/storage/Database.h"

#include <algorithm>

namespace crm {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber();
}

// Splits normalised text into runs of letters and digits (surrogate pairs kept together).
QStringList runs(const QString &text)
{
    QStringList out;
    QString current;
    const QString lower = text.toLower();
    for (int i = 0; i < lower.size(); ++i) {
        const QChar c = lower[i];
        if (c.isHighSurrogate() && i + 1 < lower.size()) {
            current += c;
            current += lower[++i];
            continue;
        }
        if (isWordChar(c)) {
            current += c;
        } else if (!current.isEmpty()) {
            out.append(current);
            current.clear();
        }
    }
    if (!current.isEmpty())
        out.append(current);
    return out;
}

// Characters of a run as separate strings (so a surrogate pair stays one character).
QStringList characters(const QString &run)
{
    QStringList out;
    for (int i = 0; i < run.size(); ++i) {
        if (run[i].isHighSurrogate() && i + 1 < run.size()) {
            out.append(run.mid(i, 2));
            ++i;
        } else {
            out.append(QString(run[i]));
        }
    }
    return out;
}

QStringList bigrams(const QString &run)
{
    const QStringList chars = characters(run);
    QStringList out;
    for (int i = 0; i + 1 < chars.size(); ++i)
        out.append(chars[i] + chars[i + 1]);
    return out;
}

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool isDigitPair(const QString &token)
{
    return token.size() == 2 && isAsciiDigit(token[0]) && isAsciiDigit(token[1]);
}

// PostgreSQL's digit lexemes: every four consecutive ASCII digits of a token stream, found as three
// digit bigrams in a row (a run ends with a one-character token, so they never span two runs), with
// the index of the first bigram. Migration 10 derives the same from stored positions.
QVector<QPair<QString, qsizetype>> digitGrams(const QStringList &tokens, qsizetype n)
{
    QVector<QPair<QString, qsizetype>> out;
    for (qsizetype i = 0; i + 2 < n; ++i) {
        if (isDigitPair(tokens[i]) && isDigitPair(tokens[i + 1]) && isDigitPair(tokens[i + 2]))
            out.append({SearchIndex::kDigitGramPrefix + tokens[i] + tokens[i + 2], i});
    }
    return out;
}

bool isDigitRun(const QString &run)
{
    return std::all_of(run.begin(), run.end(), isAsciiDigit);
}

QString quoteTs(const QString &token)
{
    QString t = token;
    t.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    t.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + t + QLatin1Char('\'');
}

// SQLite's digit lexemes, gathered from a token stream: after each third digit bigram in a row, the
// four digits they span. Those of one run of digits are consecutive, those of two runs apart by a lone
// "\u00b7" (no query token), so that a query's digit lexemes match as a phrase exactly the runs that
// contain its digits, as PostgreSQL's positions do.
class DigitGramTail
{
public:
    void token(QStringView token)
    {
        if (!isDigitPair(token)) {
            m_digits.clear();
            return;
        }
        if (m_digits.isEmpty()) {
            if (!m_tail.isEmpty())
                m_tail += QStringLiteral(" \u00b7");
            m_digits = token.toString();
        } else {
            m_digits += token[1];
        }
        if (m_digits.size() >= 4) {
            m_tail += QLatin1Char(' ');
            m_tail += SearchIndex::kDigitGramPrefix;
            m_tail += QStringView(m_digits).last(4);
        }
    }
    // " \u00b7d1380 \u00b7d3805 ...": to append to the entry.
    const QString &tail() const { return m_tail; }

private:
    static bool isDigitPair(QStringView t)
    {
        return t.size() == 2 && isAsciiDigit(t[0]) && isAsciiDigit(t[1]);
    }

    QString m_digits; // the current run of digit bigrams, as digits
    QString m_tail;
};

} // namespace

// Calls emit(QStringView) for each token of `text` in order: each run's bigrams, then its last
// character. Views point into one lower-cased copy, so a token costs no allocation (bulk indexing
// of a million customers spends its time here).
template <typename Emit>
void forEachToken(const QString &text, Emit &&emit)
{
    const QString lower = text.toLower();
    const QStringView view(lower);
    const qsizetype n = view.size();
    qsizetype previous = -1; // start of the previous character of the current run
    for (qsizetype i = 0; i < n;) {
        const bool pair = view[i].isHighSurrogate() && i + 1 < n;
        const qsizetype len = pair ? 2 : 1;
        if (pair || isWordChar(view[i])) {
            if (previous >= 0)
                emit(view.mid(previous, i + len - previous));
            previous = i;
        } else if (previous >= 0) {
            emit(view.mid(previous, i - previous));
            previous = -1;
        }
        i += len;
    }
    if (previous >= 0)
        emit(view.mid(previous));
}

QStringList SearchIndex::tokens(const QStringList &texts)
{
    QStringList out;
    for (const QString &text : texts)
        forEachToken(text, [&](QStringView token) { out.append(token.toString()); });
    return out;
}

QString SearchIndex::ownerToken(std::optional<qint64> ownerId)
{
    return ownerId ? QStringLiteral("\u00b7o") + QString::number(*ownerId) : QStringLiteral("\u00b7pool");
}

QString SearchIndex::storedValueFor(const Database &db, const QStringList &texts, std::optional<qint64> ownerId)
{
    if (db.dialect() != Dialect::Sqlite)
        return storedValue(db, QStringList{ownerToken(ownerId)} + tokens(texts));
    QString out = ownerToken(ownerId);
    out.reserve(256);
    DigitGramTail digits;
    for (const QString &text : texts) {
        forEachToken(text, [&](QStringView token) {
            out += QLatin1Char(' ');
            out += token;
            digits.token(token);
        });
    }
    return out + digits.tail();
}

QString SearchIndex::withDigitGrams(const QString &entry)
{
    DigitGramTail digits;
    for (QStringView token : QStringView(entry).split(QLatin1Char(' ')))
        digits.token(token);
    return entry + digits.tail();
}

QStringList SearchIndex::queryRuns(const QString &keyword)
{
    return runs(keyword.left(100));
}

QString SearchIndex::customerCondition(const Database &db, const QString &idColumn)
{
    if (db.dialect() == Dialect::Sqlite)
        return idColumn + QStringLiteral(" IN (SELECT rowid FROM customer_search WHERE customer_search MATCH :kw)");
    // idColumn is "<alias>.id"; the grams live on the same row.
    return idColumn.chopped(2) + QStringLiteral("search_grams @@ CAST(:kw AS tsquery)");
}

QString SearchIndex::bindValue(const Database &db, const QString &keyword)
{
    // Every run of the query must match (AND): "星河 科技" finds 深圳星河科技有限公司.
    QStringList parts;
    for (const QString &run : queryRuns(keyword)) {
        const QStringList grams = bigrams(run);
        if (db.dialect() == Dialect::Sqlite) {
            // Tokens contain only letters and digits, so double quotes are the only quoting needed.
            if (grams.isEmpty()) {
                parts.append(QLatin1Char('"') + run + QStringLiteral("\" *"));
            } else if (run.size() >= 4 && isDigitRun(run)) {
                // As on PostgreSQL: the phrase of its digit lexemes. Each digit bigram is in most
                // phone numbers, so its list is long: as the phrase of those, an 8-digit phone
                // fragment took 15 ms on the 1M demo.
                QStringList lexemes;
                for (qsizetype i = 0; i + 4 <= run.size(); ++i)
                    lexemes.append(kDigitGramPrefix + run.mid(i, 4));
                parts.append(QLatin1Char('"') + lexemes.join(QLatin1Char(' ')) + QLatin1Char('"'));
            } else {
                parts.append(QLatin1Char('"') + grams.join(QLatin1Char(' ')) + QLatin1Char('"'));
            }
        } else {
            if (grams.isEmpty()) {
                parts.append(quoteTs(run) + QStringLiteral(":*"));
            } else {
                QStringList quoted;
                if (run.size() >= 4 && isDigitRun(run)) {
                    // Four digits or more: the phrase of their digit lexemes, which GIN finds among a
                    // few hundred entries instead of intersecting three digit bigrams most phones have.
                    for (qsizetype i = 0; i + 4 <= run.size(); ++i)
                        quoted.append(quoteTs(kDigitGramPrefix + run.mid(i, 4)));
                } else {
                    for (const QString &g : grams)
                        quoted.append(quoteTs(g));
                }
                parts.append(QLatin1Char('(') + quoted.join(QStringLiteral(" <-> ")) + QLatin1Char(')'));
            }
        }
    }
    if (parts.isEmpty())
        return {};
    return parts.join(db.dialect() == Dialect::Sqlite ? QStringLiteral(" AND ") : QStringLiteral(" & "));
}

QString SearchIndex::bindValue(const Database &db, const QString &keyword, const QVector<std::optional<qint64>> &owners)
{
    const QString match = bindValue(db, keyword);
    if (match.isEmpty() || owners.isEmpty())
        return match;
    const bool lite = db.isSqlite();
    QStringList tokens;
    for (const auto &owner : owners)
        tokens.append(lite ? QLatin1Char('"') + ownerToken(owner) + QLatin1Char('"') : quoteTs(ownerToken(owner)));
    const QString any = tokens.join(lite ? QStringLiteral(" OR ") : QStringLiteral(" | "));
    return lite ? QLatin1Char('(') + match + QStringLiteral(") AND (") + any + QLatin1Char(')')
                : QLatin1Char('(') + match + QStringLiteral(") & (") + any + QLatin1Char(')');
}

Status SearchIndex::loadStaged(Database &db, const QString &table, qint64 firstId, qint64 lastId)
{
    // For the load: no merging as segments are written (the caller merges once at the end, see
    // compact()) and a 64 MiB term buffer instead of 1 MiB, so a slice makes a few large segments
    // rather than many small ones to merge. Measured on a million demo entries: 14.6 -> 9.8 s with
    // the slices below. Both settings live in the index's config table, so they are put back after.
    auto config = [&](const char *key, int value) {
        return db.execSql(QStringLiteral("INSERT INTO customer_search (customer_search, rank) VALUES ('%1', %2)")
                              .arg(QLatin1String(key))
                              .arg(value));
    };
    if (Status st = config("automerge", 0); !st)
        return st;
    if (Status st = config("hashsize", 64 << 20); !st)
        return st;
    constexpr qint64 kSlice = 250'000;
    for (qint64 from = firstId; from <= lastId; from += kSlice) {
        if (Status st = db.execSql(QStringLiteral("INSERT INTO customer_search (rowid, grams) SELECT s.id, s.grams FROM %3 s"
                                                  " WHERE s.id >= %1 AND s.id < %2 AND s.id NOT IN (SELECT rowid FROM customer_search"
                                                  " WHERE rowid >= %1 AND rowid < %2) ORDER BY s.id")
                                       .arg(from)
                                       .arg(from + kSlice)
                                       .arg(table));
            !st)
            return st;
    }
    if (Status st = config("automerge", 4); !st) // FTS5's defaults
        return st;
    return config("hashsize", 1 << 20);
}

Result<QString> SearchIndex::createStatement(Database &db)
{
    QSqlQuery q = db.prepare(QStringLiteral("SELECT sql FROM main.sqlite_master WHERE type = 'table' AND name = 'customer_search'"));
    if (Status st = db.exec(q); !st)
        return st.error();
    if (!q.next())
        return Error::internal();
    return q.value(0).toString();
}

Status SearchIndex::compact(Database &db)
{
    if (!db.isSqlite())
        return {};
    return db.execSql(QStringLiteral("INSERT INTO customer_search (customer_search) VALUES ('optimize')"));
}

QString SearchIndex::storedValue(const Database &db, const QStringList &tokens)
{
    if (db.dialect() == Dialect::Sqlite)
        return tokens.join(QLatin1Char(' '));
    // tsvector literal with positions (1-based, at most 16383 per lexeme list).
    constexpr qsizetype kMaxPosition = 16383;
    QHash<QString, QStringList> positions;
    QStringList order;
    auto add = [&](const QString &lexeme, qsizetype position) {
        auto it = positions.find(lexeme);
        if (it == positions.end()) {
            order.append(lexeme);
            it = positions.insert(lexeme, {});
        }
        it->append(QString::number(position));
    };
    const qsizetype n = std::min(tokens.size(), kMaxPosition);
    for (qsizetype i = 0; i < n; ++i)
        add(tokens[i], i + 1);
    // After the tokens, at their first bigram's position shifted by n: the digit lexemes of one run
    // are consecutive (a phrase), those of two runs never are. "tsvector || tsvector" shifts the
    // same way, which is how migration 10 adds them.
    for (const auto &[gram, i] : digitGrams(tokens, n))
        add(gram, std::min(n + i + 1, kMaxPosition));
    QString out;
    for (const QString &t : order) {
        if (!out.isEmpty())
            out += QLatin1Char(' ');
        out += quoteTs(t) + QLatin1Char(':') + positions.value(t).join(QLatin1Char(','));
    }
    return out;
}

Status SearchIndex::removeCustomer(Database &db, qint64 customerId)
{
    if (!db.isSqlite())
        return {}; // the tokens go with the customer row
    QSqlQuery q = db.prepare(QStringLiteral("DELETE FROM customer_search WHERE rowid = :id"));
    q.bindValue(QStringLiteral(":id"), customerId);
    return db.exec(q);
}

Status SearchIndex::indexCustomer(Database &db, qint64 customerId, const QStringList &texts, std::optional<qint64> ownerId)
{
    if (Status st = removeCustomer(db, customerId); !st)
        return st;
    QSqlQuery q = db.prepare(db.isSqlite()
                                 ? QStringLiteral("INSERT INTO customer_search (rowid, grams) VALUES (:id, :grams)")
                                 : QStringLiteral("UPDATE customers SET search_grams = CAST(:grams AS tsvector) WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), customerId);
    q.bindValue(QStringLiteral(":grams"), storedValueFor(db, texts, ownerId));
    return db.exec(q);
}

Status SearchIndex::setOwner(Database &db, qint64 customerId, std::optional<qint64> from, std::optional<qint64> to)
{
    if (from == to)
        return {};
    // SQLite: the owner token is the entry's first word; substr/instr count characters, not bytes.
    QSqlQuery q = db.prepare(
        db.isSqlite() ? QStringLiteral("UPDATE customer_search SET grams = :to || substr(grams, instr(grams || ' ', ' '))"
                                       " WHERE rowid = :id")
                      : QStringLiteral("UPDATE customers SET search_grams = ts_delete(COALESCE(search_grams, CAST('' AS tsvector)),"
                                       " CAST(:from AS text)) || array_to_tsvector(ARRAY[CAST(:to AS text)]) WHERE id = :id"));
    q.bindValue(QStringLiteral(":to"), ownerToken(to));
    if (!db.isSqlite())
        q.bindValue(QStringLiteral(":from"), ownerToken(from));
    q.bindValue(QStringLiteral(":id"), customerId);
    return db.exec(q);
}

} // namespace crm
