// CustomerTableModel on a real store: pages fetched lazily off the GUI thread, keyset paging,
// a bounded cache, sorting and filtering as queries, and live refresh from the change feed.
#include "core/demo/DemoGenerator.h"
#include "core/services/CustomerService.h"
#include "core/services/OrgService.h"
#include "tests/TestDatabase.h"
#include "ui/customers/CustomerTableModel.h"

#include <QAbstractItemModelTester>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace crm;

namespace {

constexpr int kCustomers = 3000;

QString text(const QAbstractItemModel &m, int row, int column = CustomerTableModel::Name)
{
    return m.data(m.index(row, column)).toString();
}

} // namespace

class TestCustomerModel : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_store;
    ChangeFeed m_feed;
    Actor m_director;
    qint64 m_total = 0;

    Database &db() { return *m_store->db; }

    // The reference order: the service's own pages, read by offset.
    QVector<qint64> referenceIds(CustomerFilter f)
    {
        QVector<qint64> ids;
        f.limit = 1000;
        for (f.offset = 0;; f.offset += 1000) {
            auto page = CustomerService(db()).list(m_director, f);
            if (!page)
                qFatal("list: %s", qPrintable(page.error().message));
            for (const Customer &c : page->customers)
                ids << c.id;
            if (!page->hasMore)
                break;
        }
        return ids;
    }

    static bool waitIdle(CustomerTableModel &model)
    {
        QTest::qWait(30); // lets the model's request timer fire
        return QTest::qWaitFor([&] { return !model.isLoading(); }, 20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_store = std::make_unique<test::TestDatabase>(nullptr, &m_feed);
        if (!m_store->skip.isEmpty())
            QSKIP(qPrintable(m_store->skip));
        QVERIFY2(m_store->db, qPrintable(m_store->error));
        DemoOptions demo;
        demo.customers = kCustomers;
        demo.activitiesPerCustomer = 0;
        demo.password = QStringLiteral("demo-pass-2024");
        auto report = DemoGenerator(db()).generate(demo);
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
        OrgService org(db());
        auto director = org.userByName(QStringLiteral("director"));
        QVERIFY(director.ok());
        m_director = org.actorFor(director->id).value();
        m_total = CustomerService(db()).count(m_director, {}).value();
        QVERIFY(m_total > 2000); // the director sees the whole company (the pool included or not)
    }

    void fetchesOnlyThePagesShown()
    {
        CustomerTableModel model(m_store->db.get(), m_director);
        model.setPageSize(100);
        QSignalSpy counted(&model, &CustomerTableModel::countChanged);
        QVERIFY(counted.wait(20000));
        QCOMPARE(model.totalCount(), m_total);
        QCOMPARE(model.rowCount(), int(m_total));
        QVERIFY(waitIdle(model));
        // The first page is fetched with the count; nothing else until rows are displayed.
        QCOMPARE(model.fetchedPages(), 1);
        QCOMPARE(model.fetchedRows(), qint64(100));

        QTableView view;
        view.resize(800, 400); // a dozen rows: within the first page
        view.setModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(waitIdle(model));
        QCOMPARE(model.fetchedPages(), 1);

        const QVector<qint64> reference = referenceIds({});
        QCOMPARE(reference.size(), qsizetype(m_total));
        for (int row = 0; row < 100; ++row)
            QCOMPARE(model.idAt(row), reference.at(row));

        // A row far away is not loaded: it says so and asks for its page when displayed.
        const int far = 1500;
        QCOMPARE(model.data(model.index(far, 0), CustomerTableModel::LoadedRole).toBool(), false);
        QCOMPARE(text(model, far), QStringLiteral("Loading…"));
        QTRY_VERIFY_WITH_TIMEOUT(model.data(model.index(far, 0), CustomerTableModel::LoadedRole).toBool(), 20000);
        QCOMPARE(model.idAt(far), reference.at(far));

        // Jumping to the end reads the last page(s) only, by offset (the previous page is not loaded).
        const int before = model.fetchedPages();
        view.scrollToBottom();
        QTRY_VERIFY_WITH_TIMEOUT(model.idAt(int(m_total) - 1) != 0, 20000);
        QVERIFY(waitIdle(model));
        QVERIFY2(model.fetchedPages() - before <= 2, qPrintable(QString::number(model.fetchedPages() - before)));
        QCOMPARE(model.idAt(int(m_total) - 1), reference.constLast());
        QVERIFY(model.fetchedRows() <= 500);
    }

    void scrollingEverythingKeepsTheCacheBoundedAndUsesKeysets()
    {
        CustomerTableModel model(m_store->db.get(), m_director);
        model.setPageSize(50);
        model.setMaxCachedPages(4);
        QSignalSpy counted(&model, &CustomerTableModel::countChanged);
        QVERIFY(counted.wait(20000));
        QTableView view;
        view.resize(800, 300);
        view.setModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QVector<qint64> reference = referenceIds({});
        int maxCached = 0;
        for (int row = 0; row < m_total; row += 20) {
            view.scrollTo(model.index(row, 0), QAbstractItemView::PositionAtTop);
            QVERIFY(QTest::qWaitFor([&] { return model.idAt(row) != 0; }, 20000));
            QCOMPARE(model.idAt(row), reference.at(row));
            maxCached = std::max(maxCached, model.cachedPages());
        }
        QVERIFY(waitIdle(model));
        const int pages = int((m_total + 49) / 50);
        QVERIFY2(maxCached <= 4, qPrintable(QString::number(maxCached)));
        // Each page was read about once, and nearly all by keyset from the page before.
        QVERIFY2(model.fetchedPages() >= pages && model.fetchedPages() <= pages + 3,
                 qPrintable(QStringLiteral("%1 of %2").arg(model.fetchedPages()).arg(pages)));
        QVERIFY2(model.keysetFetches() >= pages - 3, qPrintable(QString::number(model.keysetFetches())));
    }

    // Ctrl+End on a million rows must not skip 999,800 of them: the last page is read as the first
    // page of the opposite order, and scrolling up from there continues backwards by keyset. Checked
    // against the service's own order for the default sort, both directions of a sorted column and a
    // keyword (newest matches first; on SQLite read along the search index).
    void theFarEndIsReadInTheOppositeOrder_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::addColumn<QString>("keyword");
        QTest::newRow("default") << -1 << -1 << QString();
        QTest::newRow("name A-Z") << int(CustomerTableModel::Name) << int(Qt::AscendingOrder) << QString();
        QTest::newRow("name Z-A") << int(CustomerTableModel::Name) << int(Qt::DescendingOrder) << QString();
        QTest::newRow("won value") << int(CustomerTableModel::Value) << int(Qt::DescendingOrder) << QString();
        QTest::newRow("created oldest first") << int(CustomerTableModel::Created) << int(Qt::AscendingOrder) << QString();
        QTest::newRow("keyword") << -1 << -1 << QStringLiteral("有限公司");
    }

    void theFarEndIsReadInTheOppositeOrder()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        QFETCH(QString, keyword);
        CustomerTableModel model(m_store->db.get(), m_director);
        model.setPageSize(100);
        QSignalSpy counted(&model, &CustomerTableModel::countChanged);
        QVERIFY(counted.wait(20000));
        CustomerFilter f;
        f.keyword = keyword;
        if (column >= 0) {
            f.sort = column == CustomerTableModel::Name ? CustomerSort::Name
                : column == CustomerTableModel::Value   ? CustomerSort::Value
                                                        : CustomerSort::Created;
            f.ascending = order == Qt::AscendingOrder;
        }
        if (column >= 0 || !keyword.isEmpty()) {
            model.setFilter(f);
            QVERIFY(counted.wait(20000));
        }
        QVERIFY(waitIdle(model));
        const QVector<qint64> reference = referenceIds(f);
        const int total = int(model.totalCount());
        QCOMPARE(total, int(reference.size()));
        QVERIFY2(total > 350, qPrintable(QString::number(total))); // several pages, the last one partial or not

        QTableView view;
        view.resize(800, 400);
        view.setModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(waitIdle(model));
        const int pagesBefore = model.fetchedPages();
        QCOMPARE(model.reversedFetches(), 0);
        view.scrollToBottom();
        QTRY_VERIFY_WITH_TIMEOUT(model.idAt(total - 1) != 0, 20000);
        QVERIFY(waitIdle(model));
        QVERIFY2(model.fetchedPages() - pagesBefore <= 2, qPrintable(QString::number(model.fetchedPages() - pagesBefore)));
        QVERIFY(model.reversedFetches() >= 1);
        const int lastPage = (total - 1) / 100;
        for (int row = lastPage * 100; row < total; ++row)
            QCOMPARE(model.idAt(row), reference.at(row));

        // Up three pages from the last (the bottom rows may have spanned two): each read backwards from
        // the page after it, by keyset.
        const int keysets = model.keysetFetches();
        for (int page = lastPage - 1; page >= lastPage - 3; --page) {
            view.scrollTo(model.index(page * 100, 0), QAbstractItemView::PositionAtTop);
            QTRY_VERIFY_WITH_TIMEOUT(model.idAt(page * 100) != 0, 20000);
            QVERIFY(waitIdle(model));
        }
        QVERIFY2(model.keysetFetches() - keysets >= 2, qPrintable(QString::number(model.keysetFetches() - keysets)));
        for (int row = (lastPage - 3) * 100; row < total; ++row)
            QCOMPARE(model.idAt(row), reference.at(row));
        // The top of the table is still read forwards, from the start.
        const int reversed = model.reversedFetches();
        view.scrollToTop();
        QTRY_VERIFY_WITH_TIMEOUT(model.idAt(0) != 0, 20000);
        QVERIFY(waitIdle(model));
        QCOMPARE(model.idAt(0), reference.at(0));
        QCOMPARE(model.reversedFetches(), reversed);
    }

    void modelTester()
    {
        CustomerTableModel model(m_store->db.get(), m_director);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(&model, &CustomerTableModel::countChanged);
        QVERIFY(counted.wait(20000));
        QVERIFY(waitIdle(model));
        model.sort(CustomerTableModel::Name, Qt::AscendingOrder);
        QVERIFY(counted.wait(20000));
        QVERIFY(waitIdle(model));
    }

    void sortAndFilterAreQueries()
    {
        CustomerTableModel model(m_store->db.get(), m_director);
        QSignalSpy counted(&model, &CustomerTableModel::countChanged);
        QVERIFY(counted.wait(20000));
        QVERIFY(waitIdle(model));

        for (auto [column, sort] : {std::pair{int(CustomerTableModel::Name), CustomerSort::Name},
                                    std::pair{int(CustomerTableModel::Value), CustomerSort::Value},
                                    std::pair{int(CustomerTableModel::Created), CustomerSort::Created}}) {
            for (bool ascending : {true, false}) {
                const int generation = model.generation();
                model.sort(column, ascending ? Qt::AscendingOrder : Qt::DescendingOrder);
                QCOMPARE(model.generation(), generation + 1);
                QCOMPARE(model.filter().sort, sort);
                QCOMPARE(model.filter().ascending, std::optional<bool>(ascending));
                QVERIFY(waitIdle(model));
                CustomerFilter f;
                f.sort = sort;
                f.ascending = ascending;
                f.limit = 200;
                auto expected = CustomerService(db()).list(m_director, f);
                QVERIFY(expected.ok());
                for (int row = 0; row < 200; ++row)
                    QCOMPARE(model.idAt(row), expected->customers.at(row).id);
            }
        }
        // Columns without an index do not sort: no new query.
        const int generation = model.generation();
        model.sort(CustomerTableModel::Phone, Qt::AscendingOrder);
        QCOMPARE(model.generation(), generation);

        // A two-character Chinese keyword: the count and rows are the service's.
        const QString name = model.customerAt(0)->name;
        const QString keyword = name.left(2);
        CustomerFilter f = model.filter();
        f.keyword = keyword;
        model.setFilter(f);
        QVERIFY(counted.wait(20000));
        QVERIFY(waitIdle(model));
        CustomerFilter expectedFilter = f;
        const qint64 matches = CustomerService(db()).count(m_director, expectedFilter).value();
        QVERIFY(matches >= 1);
        QCOMPARE(model.totalCount(), matches);
        expectedFilter.limit = 20;
        auto expected = CustomerService(db()).list(m_director, expectedFilter);
        QVERIFY(expected.ok());
        for (int row = 0; row < expected->customers.size(); ++row)
            QCOMPARE(model.idAt(row), expected->customers.at(row).id);

        f = CustomerFilter();
        f.statuses = {QStringLiteral("active")};
        model.setFilter(f);
        QVERIFY(counted.wait(20000));
        QVERIFY(waitIdle(model));
        QCOMPARE(model.totalCount(), CustomerService(db()).count(m_director, f).value());
        for (int row = 0; row < std::min<qint64>(50, model.totalCount()); ++row)
            QCOMPARE(model.customerAt(row)->status, QStringLiteral("active"));
    }

    void committedChangesReloadWithoutAsking()
    {
        CustomerTableModel model(m_store->db.get(), m_director);
        model.setFeed(&m_feed);
        QSignalSpy counted(&model, &CustomerTableModel::countChanged);
        QVERIFY(counted.wait(20000));
        QTableView view;
        view.resize(800, 400);
        view.setModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(waitIdle(model));
        const qint64 before = model.totalCount();
        const int fetched = model.fetchedPages();

        // A change to a row on screen: that page is read again and shows the new value.
        const Customer first = *model.customerAt(0);
        Customer values;
        values.name = first.name + QStringLiteral("（已更新）");
        auto updated = CustomerService(db()).update(m_director, first.id, values, {QStringLiteral("name")});
        QVERIFY2(updated.ok(), qPrintable(updated.ok() ? QString() : updated.error().message));
        QTRY_COMPARE_WITH_TIMEOUT(text(model, 0), values.name, 20000);
        QVERIFY(model.fetchedPages() > fetched);

        // A new customer: the count follows.
        Customer draft;
        draft.name = QStringLiteral("新客户测试有限公司");
        auto created = CustomerService(db()).create(m_director, draft);
        QVERIFY(created.ok());
        QTRY_COMPARE_WITH_TIMEOUT(model.totalCount(), before + 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), int(before + 1), 20000);

        QVERIFY(CustomerService(db()).remove(m_director, created->id).ok());
        QTRY_COMPARE_WITH_TIMEOUT(model.totalCount(), before, 20000);
    }
};

QTEST_MAIN(TestCustomerModel)
#include "tst_customermodel.moc"
