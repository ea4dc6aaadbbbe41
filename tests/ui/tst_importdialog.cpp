// The desktop import dialog on a real store with the committed fixtures (copied to a temporary
// folder, since an import writes its error report next to the input): a dry run writes nothing, an
// import creates the rows (checked through CustomerService), GB18030 detected or chosen gives the
// Chinese names, an edited mapping and a saved/loaded template take effect, partial mode writes the
// report, a cancel midway leaves the database as it was, the customer list refreshes, broken files
// and bad mappings say so, and a user without customer.write has no import action.
#include "core/ErrorText.h"
#include "core/security/Permission.h"
#include "core/services/ActivityService.h"
#include "core/services/CustomFieldService.h"
#include "core/services/ContactService.h"
#include "core/services/CustomerService.h"
#include "core/services/OpportunityService.h"
#include "core/services/OrgService.h"
#include "reports/import/ImportErrorReport.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/ui/UiTestSession.h"
#include "ui/LanguageLoader.h"
#include "ui/customers/CustomerTableModel.h"
#include "ui/customers/CustomersView.h"
#include "ui/exchange/ImportDialog.h"
#include "ui/exchange/MappingFieldDelegate.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace crm;

namespace {

QString u(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

} // namespace

class TestImportDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_store;
    Team m_team;
    std::unique_ptr<Session> m_session;
    QTemporaryDir m_dir;

    // A fixture copied into the temporary folder (under `as` if given).
    QString fixture(const QString &name, const QString &as = {})
    {
        const QString target = m_dir.filePath(as.isEmpty() ? name : as);
        QFile::remove(target);
        if (!QFile::copy(QStringLiteral(CRM_FIXTURES "/") + name, target))
            qFatal("cannot copy fixture %s", qPrintable(name));
        return target;
    }

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    qint64 countAll()
    {
        auto n = CustomerService(*m_store->db).count(m_team.admin, CustomerFilter{});
        if (!n)
            qFatal("count: %s", qPrintable(n.error().message));
        return *n;
    }

    // The customers whose name, company, phone... contain `keyword`, as the administrator sees them.
    QVector<Customer> find(const QString &keyword)
    {
        CustomerFilter filter;
        filter.keyword = keyword;
        filter.limit = 100;
        auto page = CustomerService(*m_store->db).list(m_team.admin, filter);
        if (!page)
            qFatal("list: %s", qPrintable(page.error().message));
        return page->customers;
    }

    static bool open(ImportDialog &dialog, const QString &path)
    {
        QSignalSpy preview(&dialog, &ImportDialog::previewChanged);
        dialog.setFile(path);
        if (!preview.wait(30000))
            qFatal("no preview");
        return preview.first().at(0).toBool();
    }

    // Runs a dry run or an import and returns finished()'s arguments.
    static QList<QVariant> run(ImportDialog &dialog, bool dryRun)
    {
        QSignalSpy finished(&dialog, &ImportDialog::finished);
        if (dryRun)
            dialog.findChild<QPushButton *>(QStringLiteral("dryRun"))->click();
        else
            dialog.findChild<QPushButton *>(QStringLiteral("import"))->click();
        // A refusal (bad mapping, no permission) answers at once, before any wait.
        if (finished.isEmpty() && !finished.wait(120000))
            qFatal("import did not finish");
        return finished.first();
    }

    static int mappingRow(const ImportDialog &dialog, const QString &header)
    {
        return int(dialog.preview()->headers.indexOf(header));
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
        QVERIFY(m_dir.isValid());
        m_session = test::signedInSession(m_store->location, QStringLiteral("li"));
    }

    void dryRunWritesNothing()
    {
        const QString file = fixture(QStringLiteral("customers_gb18030.csv"), QStringLiteral("dry.csv"));
        const qint64 before = countAll();
        ImportDialog dialog(*m_session);
        QVERIFY(open(dialog, file));
        // Detected, shown, and the preview decoded with it.
        QCOMPARE(dialog.preview()->encoding, TextEncoding::Gb18030);
        QVERIFY(dialog.findChild<QComboBox *>(QStringLiteral("encoding"))->currentText().contains(QStringLiteral("GB18030")));
        auto *preview = dialog.findChild<QTableWidget *>(QStringLiteral("preview"));
        QCOMPARE(preview->item(0, 0)->text(), u("赵敏"));
        QCOMPARE(dialog.mapping().fields.value(0), QStringLiteral("name"));

        const QList<QVariant> done = run(dialog, true);
        QVERIFY2(done.at(0).toBool(), qPrintable(done.at(1).toString()));
        QVERIFY(dialog.lastResult()->dryRun);
        QCOMPARE(dialog.lastResult()->created, 3);
        QVERIFY(dialog.message().contains(QStringLiteral("nothing was written")));
        QCOMPARE(countAll(), before);
        QVERIFY(find(u("赵敏")).isEmpty());
        QVERIFY(!QFile::exists(ImportErrorReport::pathFor(file)));
    }

    void importCreatesRowsWithChineseNames()
    {
        const QString file = fixture(QStringLiteral("customers_gb18030.csv"), QStringLiteral("gb.csv"));
        const qint64 before = countAll();
        ImportDialog dialog(*m_session);
        QVERIFY(open(dialog, file));
        // Read as UTF-8 the file is refused with advice; chosen as GB18030 it reads right.
        QSignalSpy preview(&dialog, &ImportDialog::previewChanged);
        dialog.setEncoding(QStringLiteral("utf-8"));
        QVERIFY(preview.wait(30000));
        QCOMPARE(preview.last().at(0).toBool(), false);
        QVERIFY2(dialog.message().contains(QStringLiteral("encoding")), qPrintable(dialog.message()));
        QVERIFY2(dialog.message().startsWith(QStringLiteral("Row 1 is not valid text")), qPrintable(dialog.message())); // the header
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("import"))->isEnabled());
        dialog.setEncoding(QStringLiteral("gb18030"));
        QVERIFY(preview.wait(30000));
        QCOMPARE(preview.last().at(0).toBool(), true);
        QCOMPARE(dialog.preview()->encoding, TextEncoding::Gb18030);

        const QList<QVariant> done = run(dialog, false);
        QVERIFY2(done.at(0).toBool(), qPrintable(done.at(1).toString()));
        QVERIFY(dialog.lastResult()->committed);
        QCOMPARE(dialog.lastResult()->created, 3);
        QCOMPARE(countAll(), before + 3);
        const QVector<Customer> zhao = find(u("赵敏"));
        QCOMPARE(zhao.size(), 1);
        QCOMPARE(zhao.first().ownerId, m_team.li.userId); // the importing user owns them
        QCOMPARE(find(u("钱多多")).size(), 1);
        QCOMPARE(find(u("孙悟空")).size(), 1);

        // Again with "skip": all three are duplicates now, nothing new.
        const QList<QVariant> again = run(dialog, false);
        QVERIFY(again.at(0).toBool());
        QCOMPARE(dialog.lastResult()->skipped, 3);
        QCOMPARE(countAll(), before + 3);
    }

    void changedMappingTakesEffectAndTemplatesRoundTrip()
    {
        const QString file = fixture(QStringLiteral("customers_utf8_bom.csv"), QStringLiteral("mapped.csv"));
        const qint64 before = countAll();
        ImportDialog dialog(*m_session);
        QVERIFY(open(dialog, file));
        QCOMPARE(dialog.preview()->encoding, TextEncoding::Utf8);
        const int nameColumn = mappingRow(dialog, u("姓名"));
        const int companyColumn = mappingRow(dialog, u("公司"));
        const int sourceColumn = mappingRow(dialog, u("来源"));
        QCOMPARE(dialog.mapping().fields.value(nameColumn), QStringLiteral("name"));
        QCOMPARE(dialog.mapping().fields.value(companyColumn), QStringLiteral("company"));

        // No name column: refused before anything runs.
        dialog.setColumnField(nameColumn, QString());
        const QList<QVariant> refused = run(dialog, true);
        QCOMPARE(refused.at(0).toBool(), false);
        QVERIFY2(refused.at(1).toString().contains(QStringLiteral("No column is mapped to Name")), qPrintable(refused.at(1).toString()));

        // Customers named by their company, without a source; person names and sources left out.
        dialog.setColumnField(companyColumn, QStringLiteral("name"));
        dialog.setColumnField(sourceColumn, QString());
        // Through the table as the delegate writes it, too.
        auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("mapping"));
        QCOMPARE(table->item(nameColumn, 2)->text(), MappingFieldDelegate::label(QString()));
        const QString templatePath = m_dir.filePath(QStringLiteral("mapped.mapping.json"));
        QVERIFY(dialog.saveMapping(templatePath));
        QFile saved(templatePath);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(saved.readAll()).object();
        QCOMPARE(json.value(QStringLiteral("type")).toString(), QStringLiteral("customers"));
        const QJsonObject columns = json.value(QStringLiteral("columns")).toObject();
        QCOMPARE(columns.value(u("公司")).toString(), QStringLiteral("name"));
        QCOMPARE(columns.value(u("姓名")).toString(), QString());
        QCOMPARE(columns.value(u("来源")).toString(), QString());
        QCOMPARE(columns.value(u("手机")).toString(), QStringLiteral("phone"));

        // A fresh dialog proposes the default mapping; the template brings the edited one back, and it is
        // the one the command line reads (ColumnMapping::loadTemplate).
        ImportDialog second(*m_session);
        QVERIFY(open(second, file));
        QCOMPARE(second.mapping().fields.value(nameColumn), QStringLiteral("name"));
        QVERIFY(second.loadMapping(templatePath));
        QCOMPARE(second.mapping().fields, dialog.mapping().fields);
        QCOMPARE(ColumnMapping::loadTemplate(templatePath, second.preview()->headers)->fields, dialog.mapping().fields);
        QVERIFY(!second.loadMapping(writeFile(QStringLiteral("broken.json"), "not json")));
        QVERIFY(second.message().contains(QStringLiteral("not a column mapping template")));
        QCOMPARE(second.mapping().fields, dialog.mapping().fields); // a broken template changes nothing

        const QList<QVariant> done = run(second, false);
        QVERIFY2(done.at(0).toBool(), qPrintable(done.at(1).toString()));
        QCOMPARE(second.lastResult()->created, 3);
        QCOMPARE(countAll(), before + 3);
        const QVector<Customer> xinghe = find(u("深圳星河科技有限公司"));
        QCOMPARE(xinghe.size(), 1);
        QCOMPARE(xinghe.first().name, u("深圳星河科技有限公司"));
        QVERIFY(xinghe.first().source.isEmpty());
        QVERIFY(find(u("王芳")).isEmpty()); // the person column was ignored
    }

    void mappingIsEditableWithTheKeyboard()
    {
        const QString file = fixture(QStringLiteral("customers_utf8_bom.csv"), QStringLiteral("keys.csv"));
        ImportDialog dialog(*m_session);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(open(dialog, file));
        const int sourceColumn = mappingRow(dialog, u("来源"));
        QCOMPARE(dialog.mapping().fields.value(sourceColumn), QStringLiteral("source"));
        auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("mapping"));
        table->setFocus();
        table->setCurrentCell(sourceColumn, 2);
        QTest::keyClick(table, Qt::Key_F2);
        auto *editor = table->viewport()->findChild<QComboBox *>();
        QVERIFY(editor);
        QCOMPARE(editor->currentData().toString(), QStringLiteral("source"));
        // Two steps down the list (tags, then groups), then Enter; the editor stays open until then.
        QTest::keyClick(editor, Qt::Key_Down);
        QTest::keyClick(editor, Qt::Key_Down);
        QCOMPARE(editor->currentData().toString(), QStringLiteral("groups"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY(!table->viewport()->findChild<QComboBox *>() || !table->viewport()->findChild<QComboBox *>()->isVisible());
        QCOMPARE(dialog.mapping().fields.value(sourceColumn), QStringLiteral("groups"));
        QCOMPARE(table->item(sourceColumn, 2)->text(), MappingFieldDelegate::label(QStringLiteral("groups")));
        // "(ignore)" is the first entry: Home selects it.
        QTest::keyClick(table, Qt::Key_F2);
        editor = table->viewport()->findChild<QComboBox *>();
        QVERIFY(editor && editor->isVisible());
        QTest::keyClick(editor, Qt::Key_Home);
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(dialog.mapping().fields.value(sourceColumn), QString());
    }

    void partialModeWritesTheReport()
    {
        const QByteArray csv = u("姓名,手机,邮箱,生日\n"
                                 "合格一号,13800000101,,1980/1/2\n"
                                 "坏邮箱,,not-an-email,\n"
                                 ",13800000103,,\n"
                                 "合格二号,13800000104,,\n")
                                   .toUtf8();
        const QString file = writeFile(QStringLiteral("mixed.csv"), csv);
        const QString report = ImportErrorReport::pathFor(file);
        const qint64 before = countAll();
        ImportDialog dialog(*m_session);
        QVERIFY(open(dialog, file));

        // All or nothing (the default): nothing written, the invalid rows listed.
        QVERIFY(dialog.findChild<QRadioButton *>(QStringLiteral("allOrNothing"))->isChecked());
        const QList<QVariant> strict = run(dialog, false);
        QCOMPARE(strict.at(0).toBool(), false);
        QVERIFY(!dialog.lastResult()->committed);
        QCOMPARE(dialog.lastResult()->invalid, 2);
        QCOMPARE(countAll(), before);
        QCOMPARE(dialog.findChild<QTableWidget *>(QStringLiteral("issues"))->rowCount(), 2);

        QFile::remove(report);
        dialog.setPartial(true);
        const QList<QVariant> done = run(dialog, false);
        QVERIFY2(done.at(0).toBool(), qPrintable(done.at(1).toString()));
        QVERIFY(dialog.lastResult()->committed);
        QCOMPARE(dialog.lastResult()->created, 2);
        QCOMPARE(dialog.lastResult()->invalid, 2);
        QCOMPARE(countAll(), before + 2);
        QCOMPARE(find(u("合格一号")).size(), 1);
        QCOMPARE(dialog.lastResult()->errorReportPath, report);
        QVERIFY(QFile::exists(report));
        QVERIFY(dialog.message().contains(QDir::toNativeSeparators(report)));
        QFile f(report);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(text.contains(QStringLiteral("not-an-email")));
        auto *issues = dialog.findChild<QTableWidget *>(QStringLiteral("issues"));
        QCOMPARE(issues->rowCount(), 2);
        QCOMPARE(issues->item(0, 0)->text(), QStringLiteral("3"));
        QCOMPARE(issues->item(0, 2)->text(), QStringLiteral("not-an-email"));
    }

    // In Chinese the reasons are Chinese, in the list and in the report: a validation error as the
    // desktop words it, a skipped duplicate with its row, and the report's header.
    void reasonsInTheUsersLanguage()
    {
        LanguageLoader loader;
        QVERIFY(loader.install(QStringLiteral("zh_CN")));
        const QByteArray csv = u("姓名,手机,邮箱\n"
                                 "中文一号,13800000201,\n"
                                 "中文二号,13800000201,\n"
                                 "中文三号,,not-an-email\n")
                                   .toUtf8();
        const QString file = writeFile(QStringLiteral("zh-reasons.csv"), csv);
        const QString report = ImportErrorReport::pathFor(file);
        ImportDialog dialog(*m_session);
        QVERIFY(open(dialog, file));
        dialog.setPartial(true);
        const QList<QVariant> done = run(dialog, false);
        QVERIFY2(done.at(0).toBool(), qPrintable(done.at(1).toString()));
        auto *issues = dialog.findChild<QTableWidget *>(QStringLiteral("issues"));
        QCOMPARE(issues->rowCount(), 2);
        QCOMPARE(issues->item(0, 3)->text(), u("已跳过：与第 2 行重复（电话相同）"));
        QCOMPARE(issues->item(1, 3)->text(), u("邮箱：格式不正确。"));
        QFile f(report);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).remove(QChar(0xFEFF)).split(QStringLiteral("\r\n"));
        QCOMPARE(lines.value(0), u("行,列,值,原因"));
        QVERIFY2(lines.value(1).endsWith(u("已跳过：与第 2 行重复（电话相同）")), qPrintable(lines.value(1)));
        // A reason with details says them in Chinese too; a placeholder inside a detail stays as written.
        const Error unknown = Error::detailed(QStringLiteral("validation.reference"), QStringLiteral("customer"),
                                              QT_TRANSLATE_NOOP("ErrorText", "Unknown customer \"%1\""), {u("王%1芳")});
        QCOMPARE(unknown.message, u("Unknown customer \"王%1芳\""));
        QCOMPARE(ErrorText::message(unknown), u("找不到客户“王%1芳”"));
        loader.install(QStringLiteral("en"));
        QCOMPARE(ErrorText::message(unknown), unknown.message);
        QCOMPARE(ErrorText::message(Error::validation(QStringLiteral("format"), QStringLiteral("emails"), QStringLiteral("specific"))),
                 QStringLiteral("specific")); // English again: the service's own sentence
    }

    void cancelMidwayLeavesTheDatabaseAsItWas()
    {
        // Large enough that the import is still reading when the first progress arrives.
        QByteArray csv = "name,phone,company,tags\n";
        csv.reserve(4 << 20);
        for (int i = 0; i < 60000; ++i)
            csv += QStringLiteral("Bulk customer %1,139%2,Company %3,tag%4\n")
                       .arg(i)
                       .arg(i, 8, 10, QLatin1Char('0'))
                       .arg(i % 997)
                       .arg(i % 7)
                       .toUtf8();
        const QString file = writeFile(QStringLiteral("large.csv"), csv);
        const qint64 before = countAll();
        ImportDialog dialog(*m_session);
        QVERIFY(open(dialog, file));
        QVERIFY(dialog.preview()->moreRows);
        dialog.setPartial(true); // even the mode that keeps valid rows writes nothing when cancelled
        QSignalSpy finished(&dialog, &ImportDialog::finished);
        dialog.findChild<QPushButton *>(QStringLiteral("import"))->click();
        QVERIFY(dialog.isRunning());
        auto *bar = dialog.findChild<QProgressBar *>(QStringLiteral("progress"));
        auto *cancel = dialog.findChild<QPushButton *>(QStringLiteral("cancel"));
        QVERIFY(cancel->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(bar->value() > 0 || !finished.isEmpty(), 120000);
        QVERIFY2(finished.isEmpty(), "the import ended before it could be cancelled");
        cancel->click();
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY2(dialog.message().contains(QStringLiteral("cancelled")), qPrintable(dialog.message()));
        QVERIFY(!dialog.isRunning());
        QCOMPARE(countAll(), before);
        QVERIFY(find(QStringLiteral("Bulk customer 1")).isEmpty());
    }

    void xlsxSheetIsChosenFromTheList()
    {
        int code = -1;
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral(CRM_REPORT_TESTS "/make_xlsx.py"), m_dir.path()});
        QVERIFY(python.waitForFinished(120000));
        code = python.exitCode();
        QVERIFY2(code == 0, python.readAllStandardError().constData());
        const QString file = m_dir.filePath(QStringLiteral("customers.xlsx"));
        ImportDialog dialog(*m_session);
        QVERIFY(open(dialog, file));
        QVERIFY(dialog.preview()->xlsx);
        QCOMPARE(dialog.preview()->sheetNames, (QStringList{u("说明"), u("客户")}));
        auto *sheet = dialog.findChild<QComboBox *>(QStringLiteral("sheet"));
        QVERIFY(!sheet->isHidden());
        QVERIFY(dialog.findChild<QComboBox *>(QStringLiteral("encoding"))->isHidden());
        QCOMPARE(sheet->count(), 2);
        // The notes sheet has no name column: said before anything runs.
        QVERIFY2(dialog.message().contains(QStringLiteral("No column is mapped to Name")), qPrintable(dialog.message()));
        QVERIFY(dialog.message().contains(QStringLiteral("another sheet")));
        const QList<QVariant> refused = run(dialog, true);
        QCOMPARE(refused.at(0).toBool(), false);
        QVERIFY(refused.at(1).toString().contains(QStringLiteral("another sheet")));

        QSignalSpy preview(&dialog, &ImportDialog::previewChanged);
        sheet->setCurrentIndex(1);
        QVERIFY(preview.wait(30000));
        QVERIFY(preview.last().at(0).toBool());
        QCOMPARE(dialog.preview()->sheetIndex, 1);
        QCOMPARE(dialog.preview()->headers.value(0), u("姓名"));
        QCOMPARE(dialog.preview()->rows.size(), 3); // the blank row left out
        const QList<QVariant> done = run(dialog, true);
        QVERIFY2(done.at(0).toBool(), qPrintable(done.at(1).toString()));
        QCOMPARE(dialog.lastResult()->rows, 3);
    }

    void brokenFilesSayWhy()
    {
        ImportDialog dialog(*m_session);
        QVERIFY(!open(dialog, fixture(QStringLiteral("empty.csv"))));
        QCOMPARE(dialog.message(), QStringLiteral("The file is empty."));
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("dryRun"))->isEnabled());

        QVERIFY(open(dialog, fixture(QStringLiteral("header_only.csv"))));
        const QList<QVariant> done = run(dialog, true);
        QCOMPARE(done.at(0).toBool(), false);
        QCOMPARE(done.at(1).toString(), QStringLiteral("The file has a header row but no customers below it."));

        // A zip that is not a workbook, named .xlsx.
        QVERIFY(!open(dialog, writeFile(QStringLiteral("damaged.xlsx"), QByteArray("PK\x03\x04", 4) + QByteArray(200, 'x'))));
        QVERIFY2(dialog.message().startsWith(QStringLiteral("The file cannot be read")), qPrintable(dialog.message()));

        QVERIFY(!open(dialog, m_dir.filePath(QStringLiteral("missing.csv"))));
        QVERIFY2(dialog.message().contains(QStringLiteral("cannot be opened")), qPrintable(dialog.message()));
    }

    void listRefreshesAfterAnImport()
    {
        CustomersView view(*m_session);
        QTRY_VERIFY_WITH_TIMEOUT(view.model()->rowCount() > 0, 30000);
        const int before = view.model()->rowCount();
        auto *button = view.findChild<QToolButton *>(QStringLiteral("import"));
        QVERIFY(button);
        QVERIFY(!button->isHidden());
        QSignalSpy actions(&view, &CustomersView::actionFinished);
        ImportDialog *dialog = view.importCustomers();
        QVERIFY(dialog);
        QVERIFY(open(*dialog, fixture(QStringLiteral("customers_utf16_tab.txt"))));
        QCOMPARE(dialog->preview()->encoding, TextEncoding::Utf16LE);
        const QList<QVariant> done = run(*dialog, false);
        QVERIFY2(done.at(0).toBool(), qPrintable(done.at(1).toString()));
        QCOMPARE(dialog->lastResult()->created, 2);
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), before + 2, 30000);
        QCOMPARE(actions.size(), 1); // the summary reaches the list's status line
        dialog->close();
    }

    // Opportunities, activities and contacts through the same dialog: the type chosen, their own fields
    // proposed from Chinese headers, the rows written through their importers against existing customers.
    void importsOpportunitiesActivitiesAndContacts()
    {
        CustomerService customers(*m_store->db);
        Customer a;
        a.name = u("导入测试甲公司");
        QVERIFY(customers.create(m_team.wang, a).ok());
        Customer b;
        b.name = u("导入测试乙公司");
        QVERIFY(customers.create(m_team.zhao, b).ok());
        ImportDialog dialog(*m_session);
        auto *type = dialog.findChild<QComboBox *>(QStringLiteral("type"));
        QVERIFY(type);
        QCOMPARE(type->count(), 4); // li may write customers, opportunities, activities and contacts

        dialog.setType(QStringLiteral("opportunities"));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Import opportunities"));
        const QString opportunities = writeFile(QStringLiteral("opps.csv"),
                                                u("客户,商机名称,金额,阶段\n导入测试甲公司,甲公司扩容,\"12,345.60\",proposal\n"
                                                  "导入测试乙公司,乙公司框架,50000,qualified\n").toUtf8());
        QVERIFY(open(dialog, opportunities));
        QCOMPARE(dialog.mapping().type, QStringLiteral("opportunities"));
        QCOMPARE(dialog.mapping().fields, (QStringList{QStringLiteral("customer"), QStringLiteral("name"), QStringLiteral("amount"),
                                                       QStringLiteral("stage")}));
        // Without its customer column a row cannot be placed: refused before anything runs.
        dialog.setColumnField(0, QString());
        QList<QVariant> done = run(dialog, true);
        QVERIFY(!done.at(0).toBool());
        QVERIFY2(done.at(1).toString().contains(QStringLiteral("customer")), qPrintable(done.at(1).toString()));
        dialog.setColumnField(0, QStringLiteral("customer"));
        done = run(dialog, false);
        QVERIFY2(done.at(0).toBool(), qPrintable(done.at(1).toString()));
        QCOMPARE(dialog.lastResult()->created, 2);
        OpportunityFilter filter;
        filter.limit = 100;
        QStringList names;
        const QVector<Opportunity> stored = OpportunityService(*m_store->db).list(m_team.admin, filter).value().opportunities;
        for (const Opportunity &o : stored)
            if (o.name == u("甲公司扩容")) {
                QCOMPARE(o.amountMinor, 1'234'560);
                names << o.name;
            } else if (o.name == u("乙公司框架")) {
                names << o.name;
            }
        QCOMPARE(names.size(), 2);

        dialog.setType(QStringLiteral("activities"));
        const QString activities = writeFile(QStringLiteral("acts.csv"),
                                             u("时间,类型,客户,主题\n2026-03-02 09:30,电话,导入测试甲公司,首次电话\n"
                                               "2026/3/6 10:15,拜访,导入测试乙公司,上门拜访\n").toUtf8());
        QVERIFY(open(dialog, activities));
        QCOMPARE(dialog.mapping().fields, (QStringList{QStringLiteral("occurredAt"), QStringLiteral("kind"), QStringLiteral("customer"),
                                                       QStringLiteral("subject")}));
        done = run(dialog, false);
        QVERIFY2(done.at(0).toBool(), qPrintable(done.at(1).toString()));
        QCOMPARE(dialog.lastResult()->created, 2);
        const QVector<Customer> jia = find(u("导入测试甲公司"));
        QCOMPARE(jia.size(), 1);
        auto timeline = ActivityService(*m_store->db).timeline(m_team.admin, jia.first().id, 20);
        QVERIFY(timeline.ok());
        QCOMPARE(timeline->activities.size(), 1);
        QCOMPARE(timeline->activities.first().subject, u("首次电话"));
        QCOMPARE(timeline->activities.first().kind, QStringLiteral("call"));

        dialog.setType(QStringLiteral("contacts"));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Import contacts"));
        const QString people = writeFile(QStringLiteral("contacts.csv"), u("客户,姓名,职位,手机\n导入测试甲公司,吴刚,采购,13600001111\n").toUtf8());
        QVERIFY(open(dialog, people));
        QCOMPARE(dialog.mapping().fields, (QStringList{QStringLiteral("customer"), QStringLiteral("name"), QStringLiteral("position"),
                                                       QStringLiteral("phone")}));
        done = run(dialog, false);
        QVERIFY2(done.at(0).toBool(), qPrintable(done.at(1).toString()));
        QCOMPARE(dialog.lastResult()->created, 1);
        const QVector<Contact> contacts = ContactService(*m_store->db).list(m_team.admin, jia.first().id).value();
        QCOMPARE(contacts.size(), 1);
        QCOMPARE(contacts.first().name, u("吴刚"));
        QCOMPARE(contacts.first().phone, QStringLiteral("13600001111"));
        QVERIFY(contacts.first().primary); // the customer's first contact
    }

    void noImportWithoutCustomerWrite()
    {
        OrgService org(*m_store->db);
        auto role = org.createRole(m_team.admin, QStringLiteral("viewer"), DataScope::All, {Permission::CustomerRead});
        QVERIFY2(role.ok(), role.ok() ? "" : qPrintable(role.error().message));
        QVERIFY(org.setRole(m_team.admin, m_team.zhao.userId, role->id).ok());
        auto viewer = test::signedInSession(m_store->location, QStringLiteral("zhao"));
        QVERIFY(!viewer->actor().can(Permission::CustomerWrite));
        CustomersView view(*viewer);
        auto *button = view.findChild<QToolButton *>(QStringLiteral("import"));
        QVERIFY(!button || button->isHidden());
        // And the dialog itself, if reached some other way, refuses.
        const qint64 before = countAll();
        ImportDialog dialog(*viewer);
        QVERIFY(dialog.message().contains(QStringLiteral("permission")));
        QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("type"))->count(), 1); // nothing else to offer
        QVERIFY(open(dialog, fixture(QStringLiteral("customers_gb18030.csv"), QStringLiteral("viewer.csv"))));
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("import"))->isEnabled());
        dialog.startImport();
        QCOMPARE(countAll(), before);
    }

    void aReadOnlyFieldNamesItsColumn()
    {
        // Wang's role may write customers but not their source: the source column must be ignored.
        OrgService org(*m_store->db);
        auto role = org.createRole(m_team.admin, QStringLiteral("no-source"), DataScope::Own,
                                   {Permission::CustomerRead, Permission::CustomerWrite});
        QVERIFY(role.ok());
        QVERIFY(org.setFieldRule(m_team.admin, role->id, QStringLiteral("customer"), QStringLiteral("source"), FieldRule::ReadOnly).ok());
        QVERIFY(org.setRole(m_team.admin, m_team.wang.userId, role->id).ok());
        auto wang = test::signedInSession(m_store->location, QStringLiteral("wang"));
        const qint64 before = countAll();
        ImportDialog dialog(*wang);
        QVERIFY(open(dialog, fixture(QStringLiteral("customers_utf8_bom.csv"), QStringLiteral("wang.csv"))));
        const QList<QVariant> refused = run(dialog, true);
        QCOMPARE(refused.at(0).toBool(), false);
        QVERIFY2(refused.at(1).toString().contains(QStringLiteral("You may not change the field Source")),
                 qPrintable(refused.at(1).toString()));
        dialog.setColumnField(mappingRow(dialog, u("来源")), QString());
        const QList<QVariant> done = run(dialog, true);
        QVERIFY2(done.at(0).toBool(), qPrintable(done.at(1).toString()));
        QCOMPARE(dialog.lastResult()->rows, 3);
        QCOMPARE(countAll(), before);
    }

    // Not a check: CRM_SCREENSHOT_DIR=DIR writes the dialog as shown after a dry run of a file with
    // invalid rows, in the language CRM_SCREENSHOT_LANG (zh_CN or en), to look at.
    // A column headed by a custom field's label is proposed for it, shown by its label, and imported.
    void customFieldColumnsAreProposed()
    {
        CustomFieldDef contract;
        contract.key = QStringLiteral("contract_no");
        contract.label = u("合同编号");
        contract.type = QStringLiteral("text");
        QVERIFY(CustomFieldService(*m_store->db).add(m_team.admin, contract).ok());
        const QString file = writeFile(QStringLiteral("custom.csv"), QString(u("名称,手机,合同编号\n定制导入公司,13811112222,HT-UI-1\n")).toUtf8());
        ImportDialog dialog(*m_session);
        QVERIFY(open(dialog, file));
        QTRY_COMPARE(dialog.mapping().fields.value(2), QStringLiteral("customFields.contract_no"));
        auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("mapping"));
        QCOMPARE(table->item(2, 2)->text(), u("合同编号"));
        const QList<QVariant> done = run(dialog, false);
        QVERIFY2(done.at(0).toBool(), qPrintable(done.at(1).toString()));
        const QVector<Customer> imported = find(u("定制导入公司"));
        QCOMPARE(imported.size(), 1);
        QCOMPARE(imported.first().customFields.value(QStringLiteral("contract_no")).toString(), QStringLiteral("HT-UI-1"));
    }

    void screenshot()
    {
        const QString dir = qEnvironmentVariable("CRM_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("CRM_SCREENSHOT_DIR not set");
        const QString language = qEnvironmentVariable("CRM_SCREENSHOT_LANG", QStringLiteral("en"));
        LanguageLoader loader;
        QVERIFY(loader.install(language));
        ImportDialog dialog(*m_session);
        dialog.show();
        QVERIFY(open(dialog, m_dir.filePath(QStringLiteral("mixed.csv"))));
        run(dialog, true);
        QVERIFY(dialog.grab().save(QDir(dir).filePath(QStringLiteral("importdialog-%1.png").arg(language))));
    }
};

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
