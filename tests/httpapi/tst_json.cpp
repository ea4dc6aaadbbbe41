// The API's JSON writer against Qt's own formatting: times as QDateTime writes them in UTC, money
// exact to the cent, strings escaped as QJsonDocument reads them back.
#include "core/domain/Money.h"
#include "httpapi/json/Json.h"
#include "httpapi/json/JsonWriter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QtTest>

using namespace crm;

class TstJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timesAsQDateTimeWritesThem()
    {
        const auto qt = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1(); };
        // Edges: the epoch, a millisecond either side, leap days, centuries, the ends of the year range.
        const QList<qint64> edges{0, 1, -1, 951'782'400'000, 951'868'799'999, 4'107'542'400'000, -2'203'891'200'000,
                                  -62'135'596'800'000, -62'135'596'800'001, 253'402'300'799'999, 253'402'300'800'000,
                                  32'503'680'000'000, 1'796'361'600'408};
        for (qint64 ms : edges)
            QCOMPARE(json::isoTime(ms), qt(ms));
        // And a spread of times from year 1 to 9999 (fixed seed: a failure reproduces).
        QRandomGenerator rng(20261204);
        for (int i = 0; i < 200'000; ++i) {
            const qint64 ms = qint64(rng.bounded(Q_INT64_C(315'537'897'599'999))) - Q_INT64_C(62'135'596'800'000);
            QCOMPARE(json::isoTime(ms), qt(ms));
        }
        QCOMPARE(json::time(1'796'361'600'408).toString(), QStringLiteral("2026-12-04T05:20:00.408Z"));
    }

    void moneyExactToTheCent()
    {
        for (qint64 minor : {Q_INT64_C(0), Q_INT64_C(5), Q_INT64_C(-5), Q_INT64_C(100), Q_INT64_C(123456789), Q_INT64_C(-100001),
                             std::numeric_limits<qint64>::max(), std::numeric_limits<qint64>::min()}) {
            json::JsonWriter out;
            out.money(minor);
            QCOMPARE(QString::fromLatin1(out.bytes()), Money::formatMinor(minor));
        }
    }

    void stringsReadBackAsWritten()
    {
        const QStringList texts{QString(), QStringLiteral("plain"), QStringLiteral("北京市海淀区 \"引号\" \\ 反斜杠"),
                                QStringLiteral("line\nbreak\ttab\r\x01\x1f end"), QStringLiteral("\"") , QStringLiteral("😀 emoji")};
        json::JsonWriter out;
        out.beginArray();
        for (const QString &t : texts)
            out.value(t);
        out.endArray();
        QJsonParseError error;
        const QJsonArray back = QJsonDocument::fromJson(out.bytes(), &error).array();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(back.size(), texts.size());
        for (int i = 0; i < texts.size(); ++i)
            QCOMPARE(back[i].toString(), texts[i]);
        QVERIFY(out.bytes().contains("\\u0001"));
    }
};

QTEST_GUILESS_MAIN(TstJson)
#include "tst_json.moc"
