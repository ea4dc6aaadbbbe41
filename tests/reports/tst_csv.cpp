// CSV as people have it: encodings, separators, quoting, line ends, chunk boundaries, broken files.
#include "reports/csv/CsvReader.h"
#include "reports/csv/CsvWriter.h"

#include <QBuffer>
#include <QFile>
#include <QRandomGenerator>
#include <QStringEncoder>
#include <QTest>

using namespace crm;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(CRM_FIXTURES "/") + QLatin1String(name);
}

struct ReadAll
{
    QList<QStringList> rows;
    QList<qint64> rowNumbers;
    std::optional<Error> error;
    TextEncoding encoding = TextEncoding::Auto;
    QChar delimiter;
};

ReadAll readAll(QIODevice *device, CsvReadOptions options = {})
{
    ReadAll out;
    CsvReader reader(device, options);
    QStringList cells;
    for (;;) {
        auto r = reader.next(cells);
        if (!r) {
            out.error = r.error();
            break;
        }
        if (!*r)
            break;
        out.rows.append(cells);
        out.rowNumbers.append(reader.rowNumber());
    }
    out.encoding = reader.encoding();
    out.delimiter = reader.delimiter();
    return out;
}

ReadAll readFile(const QString &path, CsvReadOptions options = {})
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    return readAll(&f, options);
}

ReadAll readBytes(const QByteArray &bytes, CsvReadOptions options = {})
{
    QByteArray copy = bytes;
    QBuffer b(&copy);
    b.open(QIODevice::ReadOnly);
    return readAll(&b, options);
}

QString u(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// Random cells full of what breaks parsers: separators, quotes, CR/LF, CJK, a 4-byte character.
QList<QStringList> awkwardRows(int count, int columns, quint32 seed)
{
    const QStringList pieces = {u("王芳"), u("深圳星河科技有限公司"), QStringLiteral("a,b"), QStringLiteral("x;y"),
                                QStringLiteral("say \"hi\""), QStringLiteral("line1\nline2"), QStringLiteral("cr\r\nlf"),
                                QStringLiteral("plain"), QString(), QStringLiteral("tab\there"), u("𠀀字"), u("€ 12,50")};
    QRandomGenerator rng(seed);
    QList<QStringList> rows;
    for (int r = 0; r < count; ++r) {
        QStringList row;
        for (int c = 0; c < columns; ++c) {
            QString cell;
            const int parts = int(rng.bounded(4));
            for (int p = 0; p < parts; ++p)
                cell += pieces.at(int(rng.bounded(pieces.size())));
            row << cell;
        }
        if (row.join(QString()).isEmpty())
            row[0] = QStringLiteral("x"); // an all-empty one-column row would read as a blank line
        rows << row;
    }
    return rows;
}

QByteArray writeCsv(const QList<QStringList> &rows, CsvWriteOptions options)
{
    QByteArray bytes;
    QBuffer b(&bytes);
    b.open(QIODevice::WriteOnly);
    {
        CsvWriter w(&b, options);
        for (const QStringList &r : rows)
            w.writeRow(r);
        if (!w.flush().ok())
            qFatal("flush failed");
    }
    return bytes;
}

} // namespace

class TestCsv : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void utf8WithBom()
    {
        const ReadAll r = readFile(fixture("customers_utf8_bom.csv"));
        QVERIFY(!r.error);
        QCOMPARE(r.encoding, TextEncoding::Utf8);
        QCOMPARE(r.delimiter, QLatin1Char(','));
        QCOMPARE(r.rows.size(), 4);
        QCOMPARE(r.rows[0].first(), u("姓名")); // no BOM glued to the first header
        QCOMPARE(r.rows[1][1], u("深圳星河科技有限公司"));
        QCOMPARE(r.rows[1][5], u("VIP客户;重要客户"));
        QCOMPARE(r.rows[3][10], QStringLiteral("Said \"call me Monday\", then left"));
        QCOMPARE(r.rows[3].size(), 11);
        QCOMPARE(r.rowNumbers, (QList<qint64>{1, 2, 3, 4}));
    }

    void gb18030AsExcelSavesIt()
    {
        const ReadAll r = readFile(fixture("customers_gb18030.csv"));
        QVERIFY2(!r.error, qPrintable(r.error ? r.error->message : QString()));
        QCOMPARE(r.encoding, TextEncoding::Gb18030);
        QCOMPARE(r.rows.size(), 4);
        QCOMPARE(r.rows[0][0], u("客户名称"));
        QCOMPARE(r.rows[1][0], u("赵敏"));
        QCOMPARE(r.rows[1][4], u("老客户、重要客户"));
        QCOMPARE(r.rows[3][0], u("孙悟空"));
        // Chosen explicitly, the same.
        CsvReadOptions gb;
        gb.encoding = TextEncoding::Gb18030;
        QCOMPARE(readFile(fixture("customers_gb18030.csv"), gb).rows, r.rows);
    }

    void wrongEncodingIsAClearError()
    {
        CsvReadOptions utf8;
        utf8.encoding = TextEncoding::Utf8;
        const ReadAll r = readFile(fixture("customers_gb18030.csv"), utf8);
        QVERIFY(r.error);
        QCOMPARE(r.error->code, QStringLiteral("validation.encoding"));
        QVERIFY2(r.error->message.startsWith(QStringLiteral("Row 1:")), qPrintable(r.error->message));
        QVERIFY(r.error->message.contains(QStringLiteral("GB18030")));
        QVERIFY(r.rows.isEmpty());
    }

    void badBytesLaterReportTheirRow()
    {
        QByteArray bytes = u("姓名,电话\n王芳,1\n李强,2\n").toUtf8();
        bytes += QByteArray("\xB3\xC2\xBD\xDC,3\n"); // GBK bytes in a UTF-8 file: row 4
        CsvReadOptions utf8;
        utf8.encoding = TextEncoding::Utf8;
        const ReadAll r = readBytes(bytes, utf8);
        QCOMPARE(r.rows.size(), 3);
        QVERIFY(r.error);
        QVERIFY2(r.error->message.startsWith(QStringLiteral("Row 4:")), qPrintable(r.error->message));
    }

    void quotedSeparatorsQuotesAndLineBreaks()
    {
        const ReadAll r = readFile(fixture("quoted_semicolon.csv"));
        QVERIFY(!r.error);
        QCOMPARE(r.delimiter, QLatin1Char(';'));
        QCOMPARE(r.rows.size(), 4);
        QCOMPARE(r.rows[1][0], QStringLiteral("Zhou; Jie"));
        QCOMPARE(r.rows[1][4], QStringLiteral("Line one\nLine two\r\nLine three"));
        QCOMPARE(r.rows[1][5], QStringLiteral("a,b"));
        QCOMPARE(r.rows[2][0], QStringLiteral("\"Quoted\" Name"));
        QCOMPARE(r.rows[2][4], QStringLiteral("He said \"yes\"; then \"no\""));
        QCOMPARE(r.rows[3][4], QString());
        QCOMPARE(r.rows[3].size(), 6);
        QCOMPARE(r.rowNumbers, (QList<qint64>{1, 2, 3, 4})); // records, not physical lines
    }

    void utf16TabSeparated()
    {
        const ReadAll r = readFile(fixture("customers_utf16_tab.txt"));
        QVERIFY(!r.error);
        QCOMPARE(r.encoding, TextEncoding::Utf16LE);
        QCOMPARE(r.delimiter, QLatin1Char('\t'));
        QCOMPARE(r.rows.size(), 3);
        QCOMPARE(r.rows[2], (QStringList{u("吴敏"), QStringLiteral("13955556666"), u("盛世文化")}));
    }

    void emptyAndHeaderOnly()
    {
        const ReadAll empty = readFile(fixture("empty.csv"));
        QVERIFY(!empty.error);
        QVERIFY(empty.rows.isEmpty());
        const ReadAll header = readFile(fixture("header_only.csv"));
        QVERIFY(!header.error);
        QCOMPARE(header.rows.size(), 1);
        QCOMPARE(header.rows[0], (QStringList{u("姓名"), u("手机"), u("邮箱")}));
    }

    void blankLinesAreSkippedButCounted()
    {
        const ReadAll r = readBytes("a,b\r\n\r\n1,2\n\n\n3,4");
        QVERIFY(!r.error);
        const QList<QStringList> expected = {QStringList{QStringLiteral("a"), QStringLiteral("b")},
                                             QStringList{QStringLiteral("1"), QStringLiteral("2")},
                                             QStringList{QStringLiteral("3"), QStringLiteral("4")}};
        QCOMPARE(r.rows, expected);
        QCOMPARE(r.rowNumbers, (QList<qint64>{1, 3, 6}));
    }

    void unclosedQuoteNamesItsRow()
    {
        const ReadAll r = readBytes("a,b\n1,2\n3,\"open\n4,5\n");
        QCOMPARE(r.rows.size(), 2);
        QVERIFY(r.error);
        QVERIFY2(r.error->message.startsWith(QStringLiteral("Row 3:")), qPrintable(r.error->message));
        QVERIFY(r.error->message.contains(QStringLiteral("not closed")));
    }

    void tenThousandColumnsAreRefused()
    {
        QStringList header;
        for (int i = 0; i < 10000; ++i)
            header << QStringLiteral("c%1").arg(i);
        const ReadAll r = readBytes(header.join(QLatin1Char(',')).toUtf8() + "\n");
        QVERIFY(r.error);
        QVERIFY2(r.error->message.contains(QStringLiteral("more than 1000 columns")), qPrintable(r.error->message));
        QVERIFY(r.rows.isEmpty());
    }

    void hugeFieldIsRefused()
    {
        CsvReadOptions small;
        small.maxFieldChars = 1000;
        const ReadAll r = readBytes("a\n\"" + QByteArray(5000, 'x'), small);
        QVERIFY(r.error);
        QVERIFY(r.error->message.startsWith(QStringLiteral("Row 2:")));
    }

    // 4,000 awkward rows (several 64 KiB chunks): every boundary falls somewhere odd, including
    // inside quoted fields, CRLF pairs and multi-byte characters, in UTF-8 and GB18030.
    void roundTripAcrossChunks_data()
    {
        QTest::addColumn<bool>("gb");
        QTest::addColumn<QChar>("delimiter");
        QTest::newRow("utf-8 comma") << false << QChar(QLatin1Char(','));
        QTest::newRow("utf-8 semicolon") << false << QChar(QLatin1Char(';'));
        QTest::newRow("gb18030 comma") << true << QChar(QLatin1Char(','));
        QTest::newRow("gb18030 tab") << true << QChar(QLatin1Char('\t'));
    }
    void roundTripAcrossChunks()
    {
        QFETCH(bool, gb);
        QFETCH(QChar, delimiter);
        QList<QStringList> rows = awkwardRows(4000, 7, gb ? 7 : 11);
        rows.prepend({QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h3"), QStringLiteral("h4"), QStringLiteral("h5"),
                      QStringLiteral("h6"), QStringLiteral("h7")});
        CsvWriteOptions wo;
        wo.bom = false;
        wo.delimiter = delimiter;
        wo.formulaGuard = false;
        QByteArray bytes = writeCsv(rows, wo);
        if (gb) {
            QStringEncoder enc("GB18030");
            bytes = enc.encode(QString::fromUtf8(bytes));
        }
        QVERIFY(bytes.size() > 3 * 64 * 1024);
        const ReadAll r = readBytes(bytes);
        QVERIFY2(!r.error, qPrintable(r.error ? r.error->message : QString()));
        QCOMPARE(r.encoding, gb ? TextEncoding::Gb18030 : TextEncoding::Utf8);
        QCOMPARE(r.delimiter, delimiter);
        QCOMPARE(r.rows.size(), rows.size());
        for (int i = 0; i < rows.size(); ++i)
            QCOMPARE(r.rows[i], rows[i]);
    }

    // 200 KiB of ASCII before the first Chinese character: the decision waits for it.
    void detectionWaitsForTheFirstNonAsciiByte()
    {
        QByteArray ascii = "name,phone\n";
        while (ascii.size() < 200 * 1024)
            ascii += QByteArray("Smith,13800000000\n");
        const QString chinese = u("王芳,13912345678\n");
        for (bool gb : {false, true}) {
            QStringEncoder enc(gb ? "GB18030" : "UTF-8");
            const QByteArray encoded = enc.encode(chinese);
            const ReadAll r = readBytes(ascii + encoded);
            QVERIFY(!r.error);
            QCOMPARE(r.encoding, gb ? TextEncoding::Gb18030 : TextEncoding::Utf8);
            QCOMPARE(r.rows.last().first(), u("王芳"));
        }
    }

    void writerQuotesAndGuards()
    {
        QByteArray bytes;
        QBuffer b(&bytes);
        b.open(QIODevice::WriteOnly);
        {
            CsvWriter w(&b);
            w.writeRow({QStringLiteral("=SUM(A1:A9)"), QStringLiteral("+86 138"), QStringLiteral("-2+3"), QStringLiteral("@cmd"),
                        QStringLiteral("-12.50"), QStringLiteral("+8613812345678"), u("王芳")});
            w.writeRow({QStringLiteral("a,b"), QStringLiteral("say \"hi\""), QStringLiteral("two\nlines"), QStringLiteral("=1,2")});
            w.addNumber(QStringLiteral("-5"));
            w.addText(QString());
            w.endRow();
            QVERIFY(w.flush().ok());
        }
        const QByteArray expected = "\xEF\xBB\xBF"
                                    "'=SUM(A1:A9),'+86 138,'-2+3,'@cmd,-12.50,+8613812345678," +
                                    u("王芳").toUtf8() +
                                    "\r\n"
                                    "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"'=1,2\"\r\n"
                                    "-5,\r\n";
        QCOMPARE(bytes, expected);
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
