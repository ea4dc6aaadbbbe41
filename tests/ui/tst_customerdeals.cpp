// The customer page's opportunities tab over a real store: the customer's deals newest first (open,
// won and lost) with what is open and what was won summed, another customer's deal left out, a deal
// written afterwards arriving through the change feed, Enter and double-click asking for the deal,
// "New deal…" only for a role that may write deals, amounts a role hides shown as hidden, no sums
// across currencies, and the cap on what is listed.
#include "core/SeedNames.h"
#include "core/services/CustomerService.h"
#include "core/services/OpportunityService.h"
#include "core/services/OrgService.h"
#include "core/services/PipelineService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/ui/UiTestSession.h"
#include "ui/DisplayFormat.h"
#include "ui/customers/CustomerDeals.h"

#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace crm;

namespace {

enum Column { Name, StageColumn, Amount, Probability, ExpectedClose, Owner, StatusColumn };

QVector<qint64> idsOf(const CustomerDeals &page)
{
    QVector<qint64> ids;
    for (const Opportunity &o : page.deals())
        ids << o.id;
    return ids;
}

QTreeWidgetItem *rowOf(QTreeWidget *list, qint64 id)
{
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        if (list->topLevelItem(i)->data(0, Qt::UserRole).toLongLong() == id)
            return list->topLevelItem(i);
    return nullptr;
}

} // namespace

class TestCustomerDeals : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_store;
    Team m_team;
    std::unique_ptr<Session> m_session; // wang, who owns the customers
    qint64 m_openStage = 0, m_wonStage = 0, m_lostStage = 0;
    int m_openProbability = 0;
    qint64 m_customer = 0, m_otherCustomer = 0;
    qint64 m_open = 0, m_won = 0, m_lost = 0, m_others = 0;

    static bool waitLoaded(CustomerDeals &page)
    {
        QSignalSpy loaded(&page, &CustomerDeals::loaded);
        return loaded.wait(20000);
    }

    qint64 customer(const QString &name)
    {
        Customer c;
        c.name = name;
        auto created = CustomerService(*m_store->db).create(m_team.wang, c);
        if (!created)
            qFatal("customer: %s", qPrintable(created.error().message));
        return created->id;
    }

    static Opportunity draft(qint64 customerId, qint64 stageId, const QString &name, qint64 amountMinor,
                             const QString &currency = {})
    {
        Opportunity o;
        o.customerId = customerId;
        o.stageId = stageId;
        o.name = name;
        o.amountMinor = amountMinor;
        o.currency = currency; // empty: the company currency
        return o;
    }

    qint64 create(const Opportunity &d)
    {
        auto created = OpportunityService(*m_store->db).create(m_team.wang, d);
        if (!created)
            qFatal("opportunity: %s", qPrintable(created.error().message));
        return created->id;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English));
        QStandardPaths::setTestModeEnabled(true);
        m_store = std::make_unique<test::TestDatabase>();
        if (!m_store->skip.isEmpty())
            QSKIP(qPrintable(m_store->skip));
        QVERIFY2(m_store->db, qPrintable(m_store->error));
        m_team = makeTeam(*m_store->db);
        auto pipeline = PipelineService::loadDefault(*m_store->db);
        QVERIFY2(pipeline.ok(), pipeline.ok() ? "" : qPrintable(pipeline.error().message));
        for (const Stage &s : pipeline->stages) {
            if (s.kind == QLatin1String("open") && !m_openStage) {
                m_openStage = s.id;
                m_openProbability = s.probability;
            }
            if (s.kind == QLatin1String("won") && !m_wonStage)
                m_wonStage = s.id;
            if (s.kind == QLatin1String("lost") && !m_lostStage)
                m_lostStage = s.id;
        }
        QVERIFY(m_openStage && m_wonStage && m_lostStage);

        m_customer = customer(QStringLiteral("深圳星河科技有限公司"));
        m_otherCustomer = customer(QStringLiteral("云帆贸易"));
        OpportunityService svc(*m_store->db);
        // Oldest first: the page lists them the other way round.
        Opportunity open = draft(m_customer, m_openStage, QStringLiteral("年度软件采购"), 1'200'000);
        open.expectedCloseDate = QDate(2031, 6, 30);
        m_open = create(open);
        m_won = create(draft(m_customer, m_openStage, QStringLiteral("服务器扩容"), 3'000'000));
        QVERIFY(svc.moveStage(m_team.wang, m_won, m_wonStage).ok());
        m_lost = create(draft(m_customer, m_openStage, QStringLiteral("打印机租赁"), 50'000));
        auto lost = svc.moveStage(m_team.wang, m_lost, m_lostStage, std::nullopt, QStringLiteral("预算削减"));
        QVERIFY2(lost.ok(), lost.ok() ? "" : qPrintable(lost.error().message));
        // Another customer's deal, in Wang's scope all the same: never on this customer's page.
        m_others = create(draft(m_otherCustomer, m_openStage, QStringLiteral("Toner"), 9'900));
        m_session = test::signedInSession(m_store->location, QStringLiteral("wang"));
    }

    void listsTheCustomersDealsNewestFirst()
    {
        CustomerDeals page(*m_session, m_customer);
        QVERIFY(waitLoaded(page));
        QCOMPARE(idsOf(page), (QVector<qint64>{m_lost, m_won, m_open}));
        QVERIFY(!idsOf(page).contains(m_others));

        auto *list = page.findChild<QTreeWidget *>(QStringLiteral("deals"));
        QVERIFY(list);
        QVERIFY(!list->rootIsDecorated());
        QVERIFY(!list->isSortingEnabled());
        QVERIFY(list->uniformRowHeights());
        QCOMPARE(list->topLevelItemCount(), 3);
        QCOMPARE(list->topLevelItem(0)->data(0, Qt::UserRole).toLongLong(), m_lost);
        QCOMPARE(list->topLevelItem(1)->data(0, Qt::UserRole).toLongLong(), m_won);
        QCOMPARE(list->topLevelItem(2)->data(0, Qt::UserRole).toLongLong(), m_open);

        const QTreeWidgetItem *open = list->topLevelItem(2);
        QCOMPARE(open->text(Name), QStringLiteral("年度软件采购"));
        QCOMPARE(open->text(StageColumn), SeedNames::stage(QStringLiteral("lead")));
        QCOMPARE(open->text(Amount), QStringLiteral("12,000.00 CNY"));
        QVERIFY(open->textAlignment(Amount) & Qt::AlignRight);
        QCOMPARE(open->text(Probability), QStringLiteral("%1%").arg(m_openProbability));
        QCOMPARE(open->text(ExpectedClose), QLocale().toString(QDate(2031, 6, 30), QLocale::ShortFormat));
        QCOMPARE(open->text(Owner), QStringLiteral("wang"));
        QCOMPARE(open->text(StatusColumn), QStringLiteral("Open"));

        const QTreeWidgetItem *won = list->topLevelItem(1);
        QCOMPARE(won->text(Name), QStringLiteral("服务器扩容"));
        QCOMPARE(won->text(StageColumn), SeedNames::stage(QStringLiteral("won")));
        QCOMPARE(won->text(Amount), QStringLiteral("30,000.00 CNY"));
        QCOMPARE(won->text(Probability), QStringLiteral("100%"));
        QCOMPARE(won->text(ExpectedClose), QStringLiteral("—"));
        QCOMPARE(won->text(StatusColumn), QStringLiteral("Won"));

        const QTreeWidgetItem *lost = list->topLevelItem(0);
        QCOMPARE(lost->text(Name), QStringLiteral("打印机租赁"));
        QCOMPARE(lost->text(Amount), QStringLiteral("500.00 CNY"));
        QCOMPARE(lost->text(Probability), QStringLiteral("0%"));
        QCOMPARE(lost->text(StatusColumn), QStringLiteral("Lost"));
        QVERIFY2(lost->toolTip(StatusColumn).contains(QStringLiteral("预算削减")), qPrintable(lost->toolTip(StatusColumn)));

        // One open worth 12,000.00 and one won worth 30,000.00; the lost one counts in neither.
        // (No translator is loaded here: the plurals are crm_en.ts's.)
        const QString summary = page.summaryText();
        QVERIFY2(summary.startsWith(QStringLiteral("1 open deal")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("12,000.00 CNY")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("1 won")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("30,000.00 CNY")), qPrintable(summary));
        QVERIFY2(summary.indexOf(QStringLiteral("12,000.00")) < summary.indexOf(QStringLiteral("1 won")), qPrintable(summary));
        auto *summaryLabel = page.findChild<QLabel *>(QStringLiteral("dealsSummary"));
        QVERIFY(summaryLabel);
        QCOMPARE(summaryLabel->text(), summary);
        auto *status = page.findChild<QLabel *>(QStringLiteral("dealsStatus"));
        QVERIFY(status);
        QVERIFY2(status->text().isEmpty(), qPrintable(status->text()));

        // "New deal…" is for the page to answer.
        auto *newDeal = page.findChild<QPushButton *>(QStringLiteral("newDeal"));
        QVERIFY(newDeal);
        QVERIFY(newDeal->isEnabled());
        QSignalSpy requested(&page, &CustomerDeals::newDealRequested);
        newDeal->click();
        QCOMPARE(requested.size(), 1);
    }

    void aDealWrittenAfterwardsArrivesThroughTheFeed()
    {
        CustomerDeals page(*m_session, m_customer);
        QVERIFY(waitLoaded(page));
        QCOMPARE(page.deals().size(), 3);
        // Written on the session's connection, as the deal dialog will: it announces on the session's feed.
        const Actor actor = m_session->actor();
        const Opportunity d = draft(m_customer, m_openStage, QStringLiteral("二期扩容"), 800'000);
        std::optional<qint64> created;
        m_session->worker().run(
            &page, [actor, d](Database &db) { return OpportunityService(db).create(actor, d); },
            [&](Result<Opportunity> r) { created = r.ok() ? r->id : -1; });
        QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), 20000);
        QVERIFY(*created > 0);
        QTRY_COMPARE_WITH_TIMEOUT(page.deals().size(), 4, 20000);
        QCOMPARE(page.deals().first().id, *created);
        auto *list = page.findChild<QTreeWidget *>(QStringLiteral("deals"));
        QCOMPARE(list->topLevelItemCount(), 4);
        QCOMPARE(list->topLevelItem(0)->text(Name), QStringLiteral("二期扩容"));
        // Two open now: 12,000.00 + 8,000.00.
        QTRY_VERIFY_WITH_TIMEOUT(page.summaryText().startsWith(QStringLiteral("2 open deal")), 5000);
        QVERIFY2(page.summaryText().contains(QStringLiteral("20,000.00 CNY")), qPrintable(page.summaryText()));
    }

    void enterAndDoubleClickAskForTheDeal()
    {
        CustomerDeals page(*m_session, m_customer);
        QVERIFY(waitLoaded(page));
        page.resize(900, 400);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *list = page.findChild<QTreeWidget *>(QStringLiteral("deals"));
        QTreeWidgetItem *won = rowOf(list, m_won);
        QTreeWidgetItem *open = rowOf(list, m_open);
        QVERIFY(won && open);
        QSignalSpy opened(&page, &CustomerDeals::openDealRequested);
        list->setFocus();
        list->setCurrentItem(won);
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toLongLong(), m_won);
        const QRect rect = list->visualItemRect(open);
        QVERIFY(!rect.isEmpty());
        // A double-click is a click, then the double-click event (QTest sends only the latter).
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(opened.size(), 1);
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(opened.size(), 2);
        QCOMPARE(opened.at(1).at(0).toLongLong(), m_open);
    }

    void aViewerCannotAddDealsNorSeeHiddenAmounts()
    {
        OrgService org(*m_store->db);
        auto role = org.createRole(m_team.admin, QStringLiteral("deal-viewer"), DataScope::All,
                                   {Permission::CustomerRead, Permission::OpportunityRead});
        QVERIFY2(role.ok(), role.ok() ? "" : qPrintable(role.error().message));
        QVERIFY(org.setFieldRule(m_team.admin, role->id, QStringLiteral("opportunity"), QStringLiteral("amountMinor"), FieldRule::Hidden)
                    .ok());
        auto user = org.createUser(m_team.admin, NewUser{QStringLiteral("lu"), QStringLiteral("陆"), QStringLiteral("s3cret-pass"),
                                                         QStringLiteral("deal-viewer"), {}, {}, {}, {}});
        QVERIFY2(user.ok(), user.ok() ? "" : qPrintable(user.error().message));
        auto viewer = test::signedInSession(m_store->location, QStringLiteral("lu"));
        CustomerDeals page(*viewer, m_customer);
        QVERIFY(waitLoaded(page));
        auto *newDeal = page.findChild<QPushButton *>(QStringLiteral("newDeal"));
        QVERIFY(newDeal);
        QVERIFY(!newDeal->isEnabled());

        QVERIFY(idsOf(page).contains(m_open));
        auto *list = page.findChild<QTreeWidget *>(QStringLiteral("deals"));
        QCOMPARE(list->topLevelItemCount(), page.deals().size());
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            QCOMPARE(list->topLevelItem(i)->text(Amount), QStringLiteral("Hidden"));
        // What is not hidden still shows.
        QTreeWidgetItem *open = rowOf(list, m_open);
        QVERIFY(open);
        QCOMPARE(open->text(Probability), QStringLiteral("%1%").arg(m_openProbability));
        QCOMPARE(open->text(Name), QStringLiteral("年度软件采购"));
        // Hidden amounts read 0: counted, never summed.
        const QString summary = page.summaryText();
        QVERIFY2(summary.contains(QStringLiteral("open deal")), qPrintable(summary));
        QVERIFY2(!summary.contains(QStringLiteral("CNY")), qPrintable(summary));
    }

    void differentCurrenciesAreCountedNotSummed()
    {
        const qint64 mixed = customer(QStringLiteral("Harbour Imports Ltd"));
        {
            CustomerDeals page(*m_session, mixed);
            QVERIFY(waitLoaded(page));
            QVERIFY(page.deals().isEmpty());
            QCOMPARE(page.findChild<QTreeWidget *>(QStringLiteral("deals"))->topLevelItemCount(), 0);
            QVERIFY(!page.summaryText().isEmpty());
        }
        create(draft(mixed, m_openStage, QStringLiteral("Warehouse racks"), 100'000));
        const qint64 usd = create(draft(mixed, m_openStage, QStringLiteral("Forklifts"), 250'000, QStringLiteral("USD")));
        CustomerDeals page(*m_session, mixed);
        QVERIFY(waitLoaded(page));
        QCOMPARE(page.deals().size(), 2);
        auto *list = page.findChild<QTreeWidget *>(QStringLiteral("deals"));
        QCOMPARE(rowOf(list, usd)->text(Amount), QStringLiteral("2,500.00 USD"));
        const QString summary = page.summaryText();
        QVERIFY2(summary.startsWith(QStringLiteral("2 open deal")), qPrintable(summary));
        QVERIFY2(!summary.contains(QStringLiteral("CNY")) && !summary.contains(QStringLiteral("USD")), qPrintable(summary));
    }

    void listsTheNewestHundredAndSaysSo()
    {
        const qint64 busy = customer(QStringLiteral("繁忙客户"));
        for (int i = 0; i <= CustomerDeals::kLimit; ++i)
            create(draft(busy, m_openStage, QStringLiteral("Deal %1").arg(i), 100));
        CustomerDeals page(*m_session, busy);
        QVERIFY(waitLoaded(page));
        QCOMPARE(page.deals().size(), CustomerDeals::kLimit);
        QCOMPARE(page.deals().first().name, QStringLiteral("Deal %1").arg(CustomerDeals::kLimit)); // the newest
        auto *status = page.findChild<QLabel *>(QStringLiteral("dealsStatus"));
        QVERIFY(status);
        QVERIFY2(status->text().contains(QStringLiteral("Showing the newest %1").arg(CustomerDeals::kLimit)), qPrintable(status->text()));
    }

    void cleanupTestCase() { m_session.reset(); }
};

QTEST_MAIN(TestCustomerDeals)
#include "tst_customerdeals.moc"
