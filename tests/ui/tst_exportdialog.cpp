// Export from the customer list on a real store: the file holds what the filter shows within the
// user's scope (not another team's), in the chosen format, and a cancelled export leaves no file.
#include "core/services/CustomerService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/ui/UiTestSession.h"
#include "ui/LanguageLoader.h"
#include "ui/exchange/ExportDialog.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace crm;

class TestExportDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_store;
    Team m_team;
    std::unique_ptr<Session> m_session;
    QTemporaryDir m_dir;

    void createCustomer(const Actor &owner, const QString &name)
    {
        Customer c;
        c.name = name;
        auto created = CustomerService(*m_store->db).create(owner, c);
        if (!created)
            qFatal("create customer: %s", qPrintable(created.error().message));
    }

    // Runs an export to `path`; returns the finished() arguments.
    static QList<QVariant> run(ExportDialog &dialog, const QString &path, bool cancelAtOnce = false)
    {
        QSignalSpy finished(&dialog, &ExportDialog::finished);
        dialog.start(path, ExportDialog::formatForPath(path));
        if (cancelAtOnce)
            dialog.cancel();
        if (!finished.wait(30000))
            qFatal("export did not finish");
        return finished.first();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_store = std::make_unique<test::TestDatabase>();
        if (!m_store->skip.isEmpty())
            QSKIP(qPrintable(m_store->skip));
        QVERIFY2(m_store->db, qPrintable(m_store->error));
        m_team = makeTeam(*m_store->db);
        createCustomer(m_team.wang, QStringLiteral("深圳星河科技有限公司"));
        createCustomer(m_team.wang, QStringLiteral("广州云帆贸易有限公司"));
        createCustomer(m_team.zhao, QStringLiteral("杭州青禾科技有限公司"));
        createCustomer(m_team.qian, QStringLiteral("北京远景科技有限公司")); // Sun's team: never in Li's files
        m_session = test::signedInSession(m_store->location, QStringLiteral("li"));
    }

    void exportsTheFilteredListInScope()
    {
        ExportDialog all(*m_session, CustomerFilter{});
        const QString csv = m_dir.filePath(QStringLiteral("all.csv"));
        const QList<QVariant> done = run(all, csv);
        QVERIFY2(done.at(0).toBool(), qPrintable(done.at(1).toString()));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(QStringLiteral("深圳星河科技有限公司")));
        QVERIFY(text.contains(QStringLiteral("杭州青禾科技有限公司")));
        QVERIFY(!text.contains(QStringLiteral("北京远景"))); // another team's
        QCOMPARE(text.trimmed().split(QLatin1Char('\n')).size(), 4); // header + 3

        CustomerFilter filter;
        filter.keyword = QStringLiteral("科技");
        ExportDialog some(*m_session, filter);
        const QString xlsx = m_dir.filePath(QStringLiteral("some.xlsx"));
        QVERIFY(run(some, xlsx).at(0).toBool());
        QFile x(xlsx);
        QVERIFY(x.open(QIODevice::ReadOnly));
        QVERIFY(x.read(2) == "PK"); // a zip: the XLSX writer, not CSV
        QVERIFY(!some.isRunning());
    }

    // A file that cannot be written: the reason in the user's language (the system's words after it).
    void aFailureIsExplainedInTheUsersLanguage()
    {
        LanguageLoader loader;
        QVERIFY(loader.install(QStringLiteral("zh_CN")));
        ExportDialog dialog(*m_session, CustomerFilter{});
        const QString path = m_dir.filePath(QStringLiteral("no-such-folder/customers.csv"));
        const QList<QVariant> done = run(dialog, path);
        loader.install(QStringLiteral("en"));
        QCOMPARE(done.at(0).toBool(), false);
        const QString message = done.at(1).toString();
        QVERIFY2(message.startsWith(QStringLiteral("导出失败：无法写入文件。")), qPrintable(message));
        QVERIFY(!QFile::exists(path));
    }

    void cancelLeavesNoFile()
    {
        ExportDialog dialog(*m_session, CustomerFilter{});
        const QString path = m_dir.filePath(QStringLiteral("cancelled.csv"));
        const QList<QVariant> done = run(dialog, path, true);
        QCOMPARE(done.at(0).toBool(), false);
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
