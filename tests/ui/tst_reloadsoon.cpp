// ReloadSoon, the views' wait between the change feed and a reload: a burst makes one reload, a
// steady stream of changes does not postpone reloads for as long as it lasts, and only the changes
// the view cares about count.
#include "ui/ReloadSoon.h"

#include <QTest>
#include <QTimer>

using namespace crm;

class TestReloadSoon : public QObject
{
    Q_OBJECT

    static Change task() { return {QStringLiteral("task"), 1, QStringLiteral("updated")}; }

private Q_SLOTS:
    void aBurstReloadsOnceAfterTheDelay()
    {
        ChangeFeed feed;
        int reloads = 0;
        ReloadSoon soon(&feed, 100, [](const Change &c) { return c.entity == QLatin1String("task"); }, [&] { ++reloads; }, nullptr);
        for (int i = 0; i < 50; ++i)
            feed.publish(task());
        QCOMPARE(reloads, 0); // not at once: the rest of the burst is on its way
        QVERIFY(soon.isPending());
        QTRY_COMPARE(reloads, 1);
        QTest::qWait(250);
        QCOMPARE(reloads, 1);
    }

    void changesOfOtherRecordsAreIgnored()
    {
        ChangeFeed feed;
        int reloads = 0;
        ReloadSoon soon(&feed, 50, [](const Change &c) { return c.entity == QLatin1String("task"); }, [&] { ++reloads; }, nullptr);
        feed.publish({QStringLiteral("lead"), 7, QStringLiteral("created")});
        QVERIFY(!soon.isPending());
        QTest::qWait(150);
        QCOMPARE(reloads, 0);
    }

    // Reps write all day: a wait that restarted on every change would never end while they do.
    void aSteadyStreamStillReloadsEveryDelay()
    {
        ChangeFeed feed;
        int reloads = 0;
        ReloadSoon soon(&feed, 100, [](const Change &) { return true; }, [&] { ++reloads; }, nullptr);
        QTimer stream;
        stream.setInterval(20);
        connect(&stream, &QTimer::timeout, &feed, [&] { feed.publish(task()); });
        stream.start();
        QTest::qWait(700);
        stream.stop();
        QVERIFY2(reloads >= 2, qPrintable(QString::number(reloads)));
    }

    void cancelForgetsTheWaitingReload()
    {
        ChangeFeed feed;
        int reloads = 0;
        ReloadSoon soon(&feed, 50, [](const Change &) { return true; }, [&] { ++reloads; }, nullptr);
        feed.publish(task());
        soon.cancel(); // the view has just reloaded by itself
        QTest::qWait(150);
        QCOMPARE(reloads, 0);
        soon.start(); // the view's own edit
        QTRY_COMPARE(reloads, 1);
    }
};

QTEST_GUILESS_MAIN(TestReloadSoon)
#include "tst_reloadsoon.moc"
