// The XLSX reader on workbooks written by other programs (openpyxl, a hand-made zip as other producers
// write them) and on damaged ones; the date system conversion on its own.
#include "core/ErrorText.h"
#include "reports/table/TableFile.h"
#include "reports/xlsx/XlsxReader.h"
#include "tests/reports/ReportsTestUtil.h"

#include <QScopeGuard>
#include <QTemporaryDir>

using namespace crm;
using namespace crm::test;

namespace {

QString u(const char *s)
{
    return QString::fromUtf8(s);
}

struct Sheet
{
    QList<QStringList> rows;
    QList<qint64> numbers;
    std::optional<Error> error;
};

Sheet readAll(RowSource &source)
{
    Sheet s;
    QStringList cells;
    for (;;) {
        auto r = source.next(cells);
        if (!r) {
            s.error = r.error();
            break;
        }
        if (!*r)
            break;
        s.rows << cells;
        s.numbers << source.rowNumber();
    }
    return s;
}

} // namespace

class TestXlsx : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString file(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void initTestCase()
    {
        int code = -1;
        python({script(QStringLiteral("make_xlsx.py")), m_dir.path()}, &code);
        QCOMPARE(code, 0);
    }

    void openpyxlWorkbook()
    {
        // The first sheet is a notes sheet; the customers are on the second.
        auto first = XlsxReader::open(file("customers.xlsx"));
        QVERIFY(first.ok());
        QCOMPARE((*first)->sheetNames(), (QStringList{u("说明"), u("客户")}));
        XlsxReadOptions options;
        options.sheetName = u("客户");
        auto reader = XlsxReader::open(file("customers.xlsx"), options);
        QVERIFY2(reader.ok(), qPrintable(reader.ok() ? QString() : reader.error().message));
        const Sheet s = readAll(**reader);
        QVERIFY(!s.error);
        QCOMPARE(s.rows.size(), 5);
        QCOMPARE(s.rows[0].at(0), u("姓名"));
        const QStringList &wang = s.rows[1];
        QCOMPARE(wang.at(0), u("王芳"));
        QCOMPARE(wang.at(2), QStringLiteral("13812345678")); // a number, not 1.38E+10
        QCOMPARE(wang.at(4), QStringLiteral("1985-06-01"));
        QCOMPARE(wang.at(5), QStringLiteral("2024-05-01 14:30:00"));
        QCOMPARE(wang.at(6), QStringLiteral("TRUE"));
        QCOMPARE(wang.at(7), u("VIP客户，重要客户"));
        const QStringList &li = s.rows[2];
        QCOMPARE(li.at(1), QString()); // an empty cell keeps its place
        QCOMPARE(li.at(4), QStringLiteral("1990-12-31"));
        QCOMPARE(li.at(6), QStringLiteral("FALSE"));
        QCOMPARE(li.at(10), u("只有电话"));
        // The row Excel-like producers leave behind: no values (the importer skips it).
        QVERIFY(std::all_of(s.rows[3].begin(), s.rows[3].end(), [](const QString &c) { return c.isEmpty(); }));
        QCOMPARE(s.numbers, (QList<qint64>{1, 2, 3, 4, 5}));
        QCOMPARE(s.rows[4].at(10), QStringLiteral("1234.5"));

        // By position: sheet 2 is the same sheet.
        options.sheetName.clear();
        options.sheetIndex = 1;
        auto byIndex = XlsxReader::open(file("customers.xlsx"), options);
        QVERIFY(byIndex.ok());
        QCOMPARE(readAll(**byIndex).rows, s.rows);
    }

    void handmadeWorkbook()
    {
        auto reader = XlsxReader::open(file("handmade.xlsx"));
        QVERIFY2(reader.ok(), qPrintable(reader.ok() ? QString() : reader.error().message));
        const Sheet s = readAll(**reader);
        QVERIFY2(!s.error, qPrintable(s.error ? s.error->message : QString()));
        QCOMPARE(s.rows.size(), 4);
        QCOMPARE(s.rows[0], (QStringList{QStringLiteral("name"), QStringLiteral("phone"), QStringLiteral("birthday"),
                                         QStringLiteral("notes"), QStringLiteral("flag")}));
        // Rich text joined, the phonetic guide left out; exponent number as digits; 1904 date system
        // with a custom Chinese date format; a formula's cached text; a boolean.
        QCOMPARE(s.rows[1], (QStringList{u("张三丰"), QStringLiteral("13812345678"), QStringLiteral("1983-05-26"),
                                         QStringLiteral("ab"), QStringLiteral("TRUE")}));
        // Cells without r attributes follow each other; an error cell's text; a number format that is
        // not a date leaves the number alone.
        QCOMPARE(s.rows[2], (QStringList{QStringLiteral("Li Lei"), QStringLiteral("13900001111"), QStringLiteral("#N/A"),
                                         QStringLiteral("1234.5")}));
        QCOMPARE(s.numbers.at(2), 3);
        QCOMPARE(s.rows[3], (QStringList{QString(), QString(), QStringLiteral("gap")}));
        QCOMPARE(s.numbers.at(3), 6);
    }

    void serialDates()
    {
        QCOMPARE(XlsxReader::serialToDateText(1, false), QStringLiteral("1900-01-01"));
        QCOMPARE(XlsxReader::serialToDateText(59, false), QStringLiteral("1900-02-28"));
        QCOMPARE(XlsxReader::serialToDateText(60, false), QStringLiteral("1900-02-29")); // Excel's phantom day
        QCOMPARE(XlsxReader::serialToDateText(61, false), QStringLiteral("1900-03-01"));
        QCOMPARE(XlsxReader::serialToDateText(45413, false), QStringLiteral("2024-05-01"));
        QCOMPARE(XlsxReader::serialToDateText(45413.75, false), QStringLiteral("2024-05-01 18:00:00"));
        QCOMPARE(XlsxReader::serialToDateText(0.5, false), QStringLiteral("12:00:00"));
        QCOMPARE(XlsxReader::serialToDateText(0, true), QStringLiteral("1904-01-01"));
    }

    void damagedWorkbooks_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("message");
        QTest::newRow("truncated zip") << QStringLiteral("truncated.xlsx") << QStringLiteral("damaged or truncated");
        QTest::newRow("bad XML") << QStringLiteral("bad_xml.xlsx") << QStringLiteral("xl/worksheets/sheet1.xml, line 1");
        QTest::newRow("10,000 columns") << QStringLiteral("wide.xlsx") << QStringLiteral("more than 1000 columns");
        QTest::newRow("a zip, not a workbook") << QStringLiteral("not_a_workbook.xlsx") << QStringLiteral("not an XLSX workbook");
        QTest::newRow("empty file") << QStringLiteral("empty.xlsx") << QStringLiteral("damaged or truncated");
    }
    void damagedWorkbooks()
    {
        QFETCH(QString, name);
        QFETCH(QString, message);
        {
            QFile good(file("customers.xlsx"));
            QVERIFY(good.open(QIODevice::ReadOnly));
            const QByteArray bytes = good.readAll();
            QFile cut(file("truncated.xlsx"));
            QVERIFY(cut.open(QIODevice::WriteOnly));
            cut.write(bytes.left(bytes.size() / 2));
            QFile empty(file("empty.xlsx"));
            QVERIFY(empty.open(QIODevice::WriteOnly));
        }
        auto source = TableFile::open(m_dir.filePath(name));
        std::optional<Error> error;
        if (!source) {
            error = source.error();
        } else {
            const Sheet s = readAll(**source);
            error = s.error;
            QVERIFY(s.rows.size() <= 2); // rows before the damage may be read; the error ends the table
        }
        QVERIFY(error);
        QVERIFY2(error->message.contains(message), qPrintable(error->message));
    }

    void missingSheetListsTheSheets()
    {
        XlsxReadOptions options;
        options.sheetIndex = 5;
        auto r = XlsxReader::open(file("customers.xlsx"), options);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(u("sheets: 说明, 客户")), qPrintable(r.error().message));
        options.sheetName = QStringLiteral("Nope");
        QVERIFY(!XlsxReader::open(file("customers.xlsx"), options).ok());
    }

    // A file that is not there is a read failure, and explained as one (it used to read "cannot be
    // written" for a missing workbook).
    void aMissingFileIsAReadFailure()
    {
        // The sentence chosen by code, as in a language other than English (no catalogue installed
        // here, so its English source).
        ErrorText::setEnglish(false);
        auto restore = qScopeGuard([] { ErrorText::setEnglish(true); });
        for (const char *name : {"nowhere.xlsx", "nowhere.csv", "nowhere.json"}) {
            auto r = TableFile::open(file(name));
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, QStringLiteral("io.read"));
            const QString text = ErrorText::message(r.error());
            QVERIFY2(text.startsWith(QStringLiteral("The file cannot be read.")) && text.contains(QLatin1String(name)),
                     qPrintable(text));
        }
    }

    void oldBinaryExcelIsRefused()
    {
        QFile xls(file("old.xls"));
        QVERIFY(xls.open(QIODevice::WriteOnly));
        xls.write(QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + QByteArray(504, '\0'));
        xls.close();
        auto r = TableFile::open(file("old.xls"));
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QStringLiteral(".xls")));
    }
};

QTEST_GUILESS_MAIN(TestXlsx)
#include "tst_xlsx.moc"
