// XlsxTableWriter's files read back by openpyxl (an implementation independent of ours) and by our
// own XlsxReader: texts that need escaping, typed cells, the header, filter and widths, a sheet large
// enough to pass many chunks through the deflating thread, and no file left when a write is dropped.
#include "reports/xlsx/XlsxReader.h"
#include "reports/xlsx/XlsxTableWriter.h"
#include "tests/reports/ReportsTestUtil.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>

#include <csignal>

#include <sys/resource.h>

using namespace crm;
using namespace crm::test;

namespace {

QString u(const char *s)
{
    return QString::fromUtf8(s);
}

QList<QStringList> readBack(const QString &path)
{
    QList<QStringList> rows;
    auto reader = XlsxReader::open(path);
    if (!reader) {
        qWarning("%s", qPrintable(reader.error().message));
        return rows;
    }
    QStringList cells;
    while (true) {
        auto r = (*reader)->next(cells);
        if (!r || !*r)
            break;
        rows << cells;
    }
    return rows;
}

} // namespace

class TestXlsxWriter : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString file(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void textsNeedingEscapesReadBackExactly()
    {
        const QString longText(40000, u'长');
        const QStringList texts = {
            u("深圳星河科技有限公司"),
            QStringLiteral("<b> & \"quotes\" 'too'"),
            QStringLiteral("two\r\nlines\tand a tab"),
            QStringLiteral("  padded  "),
            QStringLiteral("_x0041_ is not A"),
            QStringLiteral("bell\x07 and unit\x1f separators"),
            u("emoji 😀 outside the BMP"),
            QStringLiteral("=HYPERLINK(\"http://evil\")"),
            longText,
        };
        auto writer = XlsxTableWriter::create(file("texts.xlsx"), QStringLiteral("O'Brien & Co"),
                                              {{QStringLiteral("Text"), XlsxCellType::Text, 30}});
        QVERIFY(writer.ok());
        for (const QString &t : texts) {
            (*writer)->addText(t);
            QVERIFY((*writer)->endRow().ok());
        }
        // A lone surrogate cannot be written as UTF-8: it becomes U+FFFD, and the file stays valid.
        (*writer)->addText(QString(QString(QChar(0xD800)) + QStringLiteral("x")));
        QVERIFY((*writer)->endRow().ok());
        QVERIFY((*writer)->finish().ok());

        QStringList expected = texts;
        expected.last() = longText.left(32767); // Excel's cell limit
        expected << QString(QString(QChar(0xFFFD)) + QStringLiteral("x"));
        // openpyxl leaves Excel's _xHHHH_ escapes in cell texts as they are (Excel and our reader decode them).
        QStringList escaped = expected;
        escaped[4] = QStringLiteral("_x005F_x0041_ is not A");
        escaped[5] = QStringLiteral("bell_x0007_ and unit_x001F_ separators");
        const QJsonObject dump = dumpXlsx(file("texts.xlsx"));
        QCOMPARE(dump.value(QStringLiteral("sheets")).toArray().at(0).toString(), QStringLiteral("O'Brien & Co"));
        QCOMPARE(dump.value(QStringLiteral("filter")).toString(), QStringLiteral("A1:A11"));
        const QJsonArray rows = dump.value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.size(), expected.size() + 1);
        QCOMPARE(rows.at(0).toArray().at(0).toObject().value(QStringLiteral("v")).toString(), QStringLiteral("Text"));
        QVERIFY(rows.at(0).toArray().at(0).toObject().value(QStringLiteral("bold")).toBool());
        for (int i = 0; i < expected.size(); ++i) {
            const QJsonObject cell = rows.at(i + 1).toArray().at(0).toObject();
            QCOMPARE(cell.value(QStringLiteral("t")).toString(), QStringLiteral("str"));
            QCOMPARE(cell.value(QStringLiteral("v")).toString(), escaped.at(i));
        }
        const QList<QStringList> ours = readBack(file("texts.xlsx"));
        QCOMPARE(ours.size(), expected.size() + 1);
        QCOMPARE(ours.at(0), QStringList{QStringLiteral("Text")});
        for (int i = 0; i < expected.size(); ++i)
            QCOMPARE(ours.at(i + 1).value(0), expected.at(i));
    }

    void typedCellsAndLayout()
    {
        auto writer = XlsxTableWriter::create(file("typed.xlsx"), u("客户"),
                                              {{u("编号"), XlsxCellType::Integer, 8},
                                               {u("金额"), XlsxCellType::Money, 12},
                                               {u("生日"), XlsxCellType::Date, 11},
                                               {u("创建时间"), XlsxCellType::DateTime, 16},
                                               {u("备注"), XlsxCellType::Text, 40}});
        QVERIFY(writer.ok());
        XlsxTableWriter &w = **writer;
        w.addInteger(13812345678);
        w.addMoney(123456789); // 1,234,567.89
        w.addDate(QDate(1985, 6, 1));
        w.addDateTime(QDateTime(QDate(2026, 3, 4), QTime(9, 30)).toMSecsSinceEpoch());
        w.addText(u("重要"));
        QVERIFY(w.endRow().ok());
        w.addInteger(-7);
        w.addMoney(-5); // -0.05
        w.addDate(QDate()); // no date: an empty cell
        w.addDateTime(0);
        w.addBlank();
        QVERIFY(w.endRow().ok());
        QVERIFY(w.finish().ok());
        QVERIFY(!QFile::exists(file("typed.xlsx.part")));

        const QJsonObject dump = dumpXlsx(file("typed.xlsx"));
        QCOMPARE(dump.value(QStringLiteral("freeze")).toString(), QStringLiteral("A2"));
        QCOMPARE(dump.value(QStringLiteral("filter")).toString(), QStringLiteral("A1:E3"));
        const QJsonObject widths = dump.value(QStringLiteral("widths")).toObject();
        QVERIFY(widths.value(QStringLiteral("E")).toDouble() > 40 && widths.value(QStringLiteral("E")).toDouble() < 41);
        QVERIFY(widths.value(QStringLiteral("A")).toDouble() > 8 && widths.value(QStringLiteral("A")).toDouble() < 9);
        const QJsonArray rows = dump.value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.size(), 3);
        auto cell = [&](int row, int col) { return rows.at(row).toArray().at(col).toObject(); };
        QVERIFY(cell(0, 3).value(QStringLiteral("bold")).toBool());
        QCOMPARE(cell(0, 3).value(QStringLiteral("v")).toString(), u("创建时间"));
        QCOMPARE(cell(1, 0).value(QStringLiteral("t")).toString(), QStringLiteral("int"));
        QCOMPARE(qint64(cell(1, 0).value(QStringLiteral("v")).toDouble()), Q_INT64_C(13812345678));
        QCOMPARE(cell(1, 1).value(QStringLiteral("v")).toDouble(), 1234567.89);
        QCOMPARE(cell(1, 1).value(QStringLiteral("f")).toString(), QStringLiteral("#,##0.00"));
        QCOMPARE(cell(1, 2).value(QStringLiteral("t")).toString(), QStringLiteral("datetime"));
        QCOMPARE(cell(1, 2).value(QStringLiteral("v")).toString(), QStringLiteral("1985-06-01T00:00:00"));
        QCOMPARE(cell(1, 2).value(QStringLiteral("f")).toString(), QStringLiteral("yyyy-mm-dd"));
        QCOMPARE(cell(1, 3).value(QStringLiteral("v")).toString(), QStringLiteral("2026-03-04T09:30:00"));
        QCOMPARE(cell(1, 3).value(QStringLiteral("f")).toString(), QStringLiteral("yyyy-mm-dd hh:mm"));
        QVERIFY(!cell(1, 4).value(QStringLiteral("bold")).toBool());
        QCOMPARE(cell(2, 1).value(QStringLiteral("v")).toDouble(), -0.05);
        for (int c = 2; c < 5; ++c)
            QCOMPARE(cell(2, c).value(QStringLiteral("t")).toString(), QStringLiteral("none"));

        const QList<QStringList> ours = readBack(file("typed.xlsx"));
        QCOMPARE(ours.size(), 3);
        QCOMPARE(ours.at(1), (QStringList{QStringLiteral("13812345678"), QStringLiteral("1234567.89"), QStringLiteral("1985-06-01"),
                                          QStringLiteral("2026-03-04 09:30:00"), u("重要")}));
    }

    void emptyTableHasItsHeader()
    {
        auto writer = XlsxTableWriter::create(file("empty.xlsx"), QString(), {{QStringLiteral("A"), XlsxCellType::Text, 10},
                                                                               {QStringLiteral("B"), XlsxCellType::Integer, 10}});
        QVERIFY(writer.ok());
        QVERIFY((*writer)->finish().ok());
        const QJsonObject dump = dumpXlsx(file("empty.xlsx"));
        QCOMPARE(dump.value(QStringLiteral("sheets")).toArray().at(0).toString(), QStringLiteral("Sheet1"));
        QCOMPARE(dump.value(QStringLiteral("filter")).toString(), QStringLiteral("A1:B1"));
        QCOMPARE(dump.value(QStringLiteral("rows")).toArray().size(), 1);
    }

    // 60,000 rows make about 6 MB of XML: six chunks through the deflating thread, with the buffers
    // going round more than once.
    void manyRowsPassThroughTheDeflatingThread()
    {
        auto writer = XlsxTableWriter::create(file("many.xlsx"), QStringLiteral("Many"),
                                              {{QStringLiteral("n"), XlsxCellType::Integer, 10},
                                               {QStringLiteral("name"), XlsxCellType::Text, 20},
                                               {QStringLiteral("amount"), XlsxCellType::Money, 12}});
        QVERIFY(writer.ok());
        const int n = 60000;
        for (int i = 0; i < n; ++i) {
            (*writer)->addInteger(i);
            (*writer)->addText(u("客户%1 with a longer name to fill the sheet up faster than numbers would").arg(i));
            (*writer)->addMoney(i * 101);
            QVERIFY((*writer)->endRow().ok());
        }
        QVERIFY((*writer)->finish().ok());
        const QList<QStringList> rows = readBack(file("many.xlsx"));
        QCOMPARE(rows.size(), n + 1);
        for (int i : {0, 1, 12345, 33333, n - 1}) {
            QCOMPARE(rows.at(i + 1).value(0), QString::number(i));
            QCOMPARE(rows.at(i + 1).value(1), u("客户%1 with a longer name to fill the sheet up faster than numbers would").arg(i));
            QCOMPARE(rows.at(i + 1).value(2).toDouble(), i * 1.01);
        }
    }

    void droppedOrFailedWritesLeaveNoFile()
    {
        const QString path = file("dropped.xlsx");
        {
            auto writer = XlsxTableWriter::create(path, QStringLiteral("S"), {{QStringLiteral("A"), XlsxCellType::Text, 10}});
            QVERIFY(writer.ok());
            for (int i = 0; i < 30000; ++i) {
                (*writer)->addText(QStringLiteral("row %1 of a write that is dropped halfway").arg(i));
                QVERIFY((*writer)->endRow().ok());
            }
            QVERIFY(QFile::exists(path + QStringLiteral(".part")));
            (*writer)->abandon();
        }
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
        {
            // Destroyed without finish(): the same.
            auto writer = XlsxTableWriter::create(path, QStringLiteral("S"), {{QStringLiteral("A"), XlsxCellType::Text, 10}});
            QVERIFY(writer.ok());
            (*writer)->addText(QStringLiteral("x"));
            QVERIFY((*writer)->endRow().ok());
        }
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));

        auto missing = XlsxTableWriter::create(file("no/such/folder/x.xlsx"), QStringLiteral("S"), {{QStringLiteral("A"), XlsxCellType::Text, 10}});
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, QStringLiteral("io.write"));
        auto badName = XlsxTableWriter::create(file("bad.xlsx"), QStringLiteral("a/b"), {{QStringLiteral("A"), XlsxCellType::Text, 10}});
        QVERIFY(!badName.ok());
        QVERIFY(!QFile::exists(file("bad.xlsx.part")));
    }

    // A disk that fills up while the sheet is written: the process may write no file beyond 256 KiB
    // (RLIMIT_FSIZE; writes past it fail with EFBIG, as writes to a full disk fail with ENOSPC). The
    // error says what happened, whether it shows at a row or at finish() (the deflating thread writes
    // in pieces), and no file is left.
    void aFullDiskFailsCleanly()
    {
        const QString path = file("full.xlsx");
        rlimit before{};
        QVERIFY(getrlimit(RLIMIT_FSIZE, &before) == 0);
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN); // else the kernel ends the process
        rlimit limited = before;
        limited.rlim_cur = 256 * 1024;
        QVERIFY(setrlimit(RLIMIT_FSIZE, &limited) == 0);
        Status status;
        qint64 rows = 0;
        {
            auto writer = XlsxTableWriter::create(path, QStringLiteral("S"), {{QStringLiteral("A"), XlsxCellType::Text, 10},
                                                                             {QStringLiteral("B"), XlsxCellType::Integer, 10}});
            status = writer ? Status() : Status(writer.error());
            for (; writer && status && rows < 200000; ++rows) {
                // Texts that do not repeat, so that deflate cannot shrink them below the limit.
                (*writer)->addText(QString::number(quint64(rows) * 0x9E3779B97F4A7C15ull, 36));
                (*writer)->addInteger(rows);
                status = (*writer)->endRow();
            }
            if (writer && status)
                status = (*writer)->finish();
        }
        setrlimit(RLIMIT_FSIZE, &before);
        std::signal(SIGXFSZ, previousHandler);
        QVERIFY2(!status, qPrintable(QStringLiteral("%1 rows written to a full disk").arg(rows)));
        QCOMPARE(status.error().code, QStringLiteral("io.write"));
        QVERIFY2(status.error().message.contains(QStringLiteral("disk may be full")), qPrintable(status.error().message));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
    }
};

QTEST_GUILESS_MAIN(TestXlsxWriter)
#include "tst_xlsx_writer.moc"
